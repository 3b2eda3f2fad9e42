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
    /**
     * Hours above the highest citizen profile: the concrete, individual justification, and that a team leader
     * approved it (src/rules/cases/decision-approval.ts). Absent inside the profiles.
     */
    aboveProfiles?: { justification: string; approvedBy: string | null };
  };
  /**
   * A partial grant says in the letter what was applied for and what is refused, not only in the caseworker's reasons
   * (forvaltningsloven §§ 22–24: the citizen must be able to see what the decision does not give).
   */
  partial: { appliedFor: string; refused: string } | null;
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
            ? `Omfang: ${danishNumber(f.weeklyHours)} timer om ugen.${f.profileCode ? ` Det svarer til borgerprofil ${f.profileCode}.` : ''}`
            : `Omfang: ${f.moduleDays} moduler (dage) om ugen.`,
          ...(f.aboveProfiles
            ? [
                'Timetallet ligger over den højeste borgerprofil i serviceniveauet. Det er fastsat efter en konkret, ' +
                  `individuel vurdering af din situation: ${f.aboveProfiles.justification}` +
                  (f.aboveProfiles.approvedBy ? ` Afgørelsen er godkendt af teamleder ${f.aboveProfiles.approvedBy}.` : ''),
              ]
            : []),
          `Støtten begynder den ${danishDate(f.startsOn)}${f.timeLimitUntil ? ` og er tidsbegrænset til den ${danishDate(f.timeLimitUntil)}` : ''}.`,
        ];
  const partial =
    m.outcome === 'partly_granted' && m.partial
      ? [`Du har søgt om: ${m.partial.appliedFor}`, `Du får afslag på: ${m.partial.refused}`]
      : [];
  return {
    title: 'Afgørelse',
    subject: `Afgørelse om ${service} (${m.service.legalBasis})`,
    paragraphs: [
      `${VERB[m.outcome]} ${service} efter ${m.service.legalBasis}.`,
      ...partial,
      ...frame,
      `Begrundelse: ${m.reasons}`,
      ...LEGAL_PARAGRAPHS.serviceLevelApplied.paragraphs({
        municipalityName: m.municipalityName,
        legalBasis: m.service.legalBasis,
        versionNumber: m.service.versionNumber,
        inForceFrom: m.service.inForceFrom,
      }),
      ...LEGAL_PARAGRAPHS.partyHearing.paragraphs(m.partyHearing),
      ...(m.complaint ? LEGAL_PARAGRAPHS.complaintGuidance.paragraphs(m.complaint) : []),
    ],
  };
}
