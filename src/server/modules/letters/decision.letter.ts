import type { PlainDate } from '../../../shared/plain-date.ts';
import { type ComplaintGuidanceModel, LEGAL_PARAGRAPHS, type PartyHearingModel } from './legal-paragraphs.ts';
import type { LetterBody } from './letter.model.ts';
import { danishDate, danishNumber } from './letter-format.ts';

export type DecisionOutcome = 'granted' | 'partly_granted' | 'refused';

export type DecisionLetterModel = {
  outcome: DecisionOutcome;
  municipalityName: string;
  /** The service-level version the decision applies. */
  service: { title: string; legalBasis: string; versionNumber: number; inForceFrom: PlainDate };
  /** The frame granted (none for a refusal): weekly hours with the citizen profile, or module days. */
  frame: {
    weeklyHours: number | null;
    profileCode: string | null;
    moduleDays: number | null;
    startsOn: PlainDate;
    timeLimitUntil: PlainDate | null;
  };
  reasons: string;
  partyHearing: PartyHearingModel;
  /** Complaint guidance: unless fully granted, and whenever support is reduced (forvaltningsloven § 25). */
  complaint: ComplaintGuidanceModel | null;
};

const VERB: Record<DecisionOutcome, string> = {
  granted: 'Du får bevilget',
  partly_granted: 'Du får delvist bevilget',
  refused: 'Du får afslag på',
};

/** A decision on an application or a revisitation: granted, partly granted or refused, with reasons. */
export function decisionLetter(m: DecisionLetterModel): LetterBody {
  const service = m.service.title.toLowerCase();
  const f = m.frame;
  const frame =
    m.outcome === 'refused'
      ? []
      : [
          f.weeklyHours !== null
            ? `Omfang: ${danishNumber(f.weeklyHours)} timer om ugen${f.profileCode ? ` (borgerprofil ${f.profileCode})` : ''}.`
            : `Omfang: ${f.moduleDays} moduler (dage) om ugen.`,
          `Støtten begynder den ${danishDate(f.startsOn)}${f.timeLimitUntil ? ` og er tidsbegrænset til den ${danishDate(f.timeLimitUntil)}` : ''}.`,
        ];
  return {
    title: 'Afgørelse',
    subject: `Afgørelse om ${service} (${m.service.legalBasis})`,
    paragraphs: [
      `${VERB[m.outcome]} ${service} efter ${m.service.legalBasis}.`,
      ...frame,
      `Begrundelse: ${m.reasons}`,
      `Afgørelsen er truffet efter ${m.municipalityName}s serviceniveau for ${m.service.legalBasis}, version ${m.service.versionNumber}, gældende fra ${danishDate(m.service.inForceFrom)}.`,
      ...LEGAL_PARAGRAPHS.partyHearing.paragraphs(m.partyHearing),
      ...(m.complaint ? LEGAL_PARAGRAPHS.complaintGuidance.paragraphs(m.complaint) : []),
    ],
  };
}
