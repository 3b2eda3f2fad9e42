import type { Role } from '../../shared/access/permissions.ts';
import type { AuditPurpose } from '../../shared/audit/audit.schema.ts';

/**
 * Why a role touches a citizen's data, as the citizen reads it in their access log. One rule for every module: the
 * purpose follows from the role's function, not from which module was used (a team leader was "case processing" in
 * cases and follow-up but "supervision" in citizens).
 * Source: databeskyttelsesforordningen art. 5, stk. 1, litra b (formålsbegrænsning) and art. 30; Datatilsynet's
 * guidance on logging (log the purpose of a look-up); a team leader's review of the team's cases is ledelsestilsyn.
 */
export const PURPOSE_BY_ROLE: Record<Role, { purpose: AuditPurpose; why: string }> = {
  caseworker: { purpose: 'case_processing', why: 'Myndighedssagsbehandling (serviceloven, retssikkerhedsloven)' },
  team_leader: { purpose: 'supervision', why: 'Ledelsestilsyn med teamets sager (også når lederen selv handler i sagen)' },
  administrator: { purpose: 'administration', why: 'Drift og administration (katalog, brugere, adgangslog)' },
  analyst: { purpose: 'administration', why: 'Styring og statistik uden identiteter' },
  economist: {
    purpose: 'economy',
    why: 'Økonomistyring: takster, budget, prognose, køb og salg af pladser og venteliste (serviceloven § 1, stk. 3)',
  },
  council_member: {
    purpose: 'steering',
    why: 'Byrådets styring: aftaler, status til socialudvalget og strategiindikatorer uden identiteter',
  },
  provider_staff: { purpose: 'follow_up', why: 'Udførelse af og opfølgning på bestilt indsats (SEL § 141, stk. 5)' },
  citizen: { purpose: 'citizen_self_service', why: 'Borgerens eget opslag (databeskyttelsesforordningen art. 15)' },
};

export function purposeOf(role: Role): AuditPurpose {
  return PURPOSE_BY_ROLE[role].purpose;
}
