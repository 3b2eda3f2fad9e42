import type { DeadlineKind } from '../../../rules/deadlines/deadline-rules.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { CONTACT_US, LEGAL_PARAGRAPHS } from './legal-paragraphs.ts';
import type { LetterBody } from './letter.model.ts';

/** What the notice says was promised, per deadline kind (the kinds that give a notice: `DEADLINE_NOTICE`). */
export const NOTICE_PROMISES: Partial<Record<DeadlineKind, string>> = {
  receipt: 'at sende dig en kvittering',
  decision: 'at træffe afgørelse i din sag',
  decision_day_offer: 'at træffe afgørelse i din sag',
  start: 'at sætte din støtte i gang',
};

export type MissedDeadlineNoticeModel = { kind: DeadlineKind; due: PlainDate; reason: string; expectedBy: PlainDate };

/** The written notice that a deadline cannot be kept (retssikkerhedsloven § 3, stk. 2). */
export function missedDeadlineNoticeLetter(m: MissedDeadlineNoticeModel): LetterBody {
  return {
    title: 'Varsel om overskredet frist',
    subject: 'Vi kan ikke overholde fristen i din sag',
    paragraphs: [
      ...LEGAL_PARAGRAPHS.missedDeadlineNotice.paragraphs({
        promised: NOTICE_PROMISES[m.kind] ?? 'næste skridt i din sag',
        due: m.due,
        reason: m.reason,
        expectedBy: m.expectedBy,
      }),
      CONTACT_US,
    ],
  };
}
