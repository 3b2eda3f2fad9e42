import type { DeadlineKind } from '../../../rules/deadlines/deadline-rules.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { CONTACT_US, LEGAL_PARAGRAPHS } from './legal-paragraphs.ts';
import type { LetterBody } from './letter.model.ts';

/**
 * What the notice says, per deadline kind (the kinds that give a notice: `DEADLINE_NOTICE`): what the municipality
 * promised to do (an infinitive: "Vi har lovet at …"), and what the citizen can then expect (a noun: "Du kan forvente
 * …"). The municipality acts; the citizen receives — the citizen never "decides".
 */
export const NOTICE_PROMISES: Partial<Record<DeadlineKind, { promised: string; expect: string }>> = {
  receipt: { promised: 'at sende dig en kvittering', expect: 'en kvittering fra os' },
  decision: { promised: 'at træffe afgørelse i din sag', expect: 'vores afgørelse i din sag' },
  decision_day_offer: { promised: 'at træffe afgørelse i din sag', expect: 'vores afgørelse i din sag' },
  start: { promised: 'at sætte din støtte i gang', expect: 'at din støtte går i gang' },
};
const NEXT_STEP = { promised: 'at tage næste skridt i din sag', expect: 'næste skridt i din sag' };

export type MissedDeadlineNoticeModel = { kind: DeadlineKind; due: PlainDate; reason: string; expectedBy: PlainDate };

/** The written notice that a deadline cannot be kept (retssikkerhedsloven § 3, stk. 2). */
export function missedDeadlineNoticeLetter(m: MissedDeadlineNoticeModel): LetterBody {
  return {
    title: 'Varsel om overskredet frist',
    subject: 'Vi kan ikke overholde fristen i din sag',
    paragraphs: [
      ...LEGAL_PARAGRAPHS.missedDeadlineNotice.paragraphs({
        ...(NOTICE_PROMISES[m.kind] ?? NEXT_STEP),
        due: m.due,
        reason: m.reason,
        expectedBy: m.expectedBy,
      }),
      CONTACT_US,
    ],
  };
}
