import type { PlainDate } from '../../../shared/plain-date.ts';
import {
  type ComplaintGuidanceModel,
  LEGAL_PARAGRAPHS,
  type PartyHearingModel,
  type ServiceLevelApplied,
} from './legal-paragraphs.ts';
import type { LetterBody } from './letter.model.ts';
import { danishDate } from './letter-format.ts';

export type StopLetterModel = {
  serviceTitle: string;
  legalBasis: string;
  offerName: string;
  /** The service-level version the stop applies (the version of the grant it ends): every decision letter names it. */
  serviceLevel: ServiceLevelApplied;
  /** Housing support (SEL § 85) continues 4 weeks from the decision: the last day; otherwise null. */
  continuesUntil: PlainDate | null;
  endsOn: PlainDate;
  reasons: string;
  partyHearing: PartyHearingModel;
  /** Ended because another service is needed: a new decision follows. */
  referred: boolean;
  /** A stop reduces support, so it always carries complaint guidance. */
  complaint: ComplaintGuidanceModel;
};

/** The decision to end support (ophør), with the continuation where the law gives one. */
export function stopLetter(m: StopLetterModel): LetterBody {
  return {
    title: 'Afgørelse om ophør af støtte',
    subject: `Afgørelse om ophør af ${m.serviceTitle.toLowerCase()} (${m.legalBasis})`,
    paragraphs: [
      `Din støtte efter ${m.legalBasis} hos ${m.offerName} ophører.`,
      m.continuesUntil
        ? `Du beholder støtten i 4 uger fra afgørelsens dato, til og med den ${danishDate(m.continuesUntil)}.`
        : `Støtten ophører den ${danishDate(m.endsOn)}.`,
      `Begrundelse: ${m.reasons}`,
      ...LEGAL_PARAGRAPHS.serviceLevelApplied.paragraphs(m.serviceLevel),
      ...LEGAL_PARAGRAPHS.partyHearing.paragraphs(m.partyHearing),
      ...(m.referred
        ? ['Vi vurderer, at du har brug for en anden indsats. Vi træffer en ny afgørelse om den og skriver til dig.']
        : []),
      ...LEGAL_PARAGRAPHS.complaintGuidance.paragraphs(m.complaint),
    ],
  };
}
