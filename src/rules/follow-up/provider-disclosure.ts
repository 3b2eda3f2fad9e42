/**
 * What of the authority's case the provider receives with an order. The provider is told what it needs to deliver
 * the support and nothing more: the relevant parts of the § 141 plan (serviceloven § 141, stk. 5), the decision it
 * delivers (what is granted, the frame and why), and the goals. The rest stays with the authority under its duty
 * of confidentiality (forvaltningsloven § 27) and data minimisation (databeskyttelsesforordningen art. 5, stk. 1,
 * litra c). Every part of the order view that comes from the case is a row here; the view shows only `shown` rows.
 */
export const PROVIDER_PARTS = [
  'decision.grant',
  'decision.frame',
  'decision.reasons',
  'decision.partialRefusal',
  'decision.partyHearing',
  'decision.complaintGuidance',
  'plan.purpose',
  'plan.services',
  'plan.expectedDuration',
  'plan.otherCircumstances',
  'assessment',
  'citizenMessages',
] as const;
export type ProviderPart = (typeof PROVIDER_PARTS)[number];

export type DisclosureRow = { shown: boolean; source: string };

const MINIMISATION = 'databeskyttelsesforordningen art. 5, stk. 1, litra c (dataminimering); forvaltningsloven § 27';

export const PROVIDER_DISCLOSURE: Record<ProviderPart, DisclosureRow> = {
  'decision.grant': {
    shown: true,
    source: 'Serviceloven § 141, stk. 5, og bestillingen: udføreren skal kende den indsats og paragraf, der er bevilget',
  },
  'decision.frame': {
    shown: true,
    source: 'Seed 000/003: udføreren leverer inden for den bevilgede ramme (timer, borgerprofil, start og tidsbegrænsning)',
  },
  'decision.reasons': {
    shown: true,
    source:
      'Forvaltningsloven § 24: begrundelsen siger, hvilket behov støtten skal dække; det er nødvendigt for at levere indsatsen',
  },
  'decision.partialRefusal': {
    shown: false,
    source: `Det, borgeren søgte om og fik afslag på, er sagen mellem borgeren og kommunen; udføreren leverer det bevilgede. ${MINIMISATION}`,
  },
  'decision.partyHearing': {
    shown: false,
    source: `Partshøringen (forvaltningsloven § 19) hører til myndighedens sagsbehandling. ${MINIMISATION}`,
  },
  'decision.complaintGuidance': {
    shown: false,
    source: `Klagevejledningen er til borgeren (forvaltningsloven § 25); en klage behandles af kommunen. ${MINIMISATION}`,
  },
  'plan.purpose': { shown: true, source: 'Serviceloven § 141, stk. 5: de relevante dele af handleplanen gives til udføreren' },
  'plan.services': { shown: true, source: 'Serviceloven § 141, stk. 5: de relevante dele af handleplanen gives til udføreren' },
  'plan.expectedDuration': {
    shown: true,
    source: 'Serviceloven § 141, stk. 5: de relevante dele af handleplanen gives til udføreren',
  },
  'plan.otherCircumstances': {
    shown: false,
    source: `Serviceloven § 141, stk. 3, nr. 4, og stk. 5: "andre forhold" (bolig, økonomi, familie) bliver hos myndigheden. ${MINIMISATION}`,
  },
  assessment: {
    shown: false,
    source: `VUM-udredningen er myndighedens grundlag; udføreren får målene med FFB-tilstand og FKO-udgangspunkt i bestillingen. ${MINIMISATION}`,
  },
  citizenMessages: {
    shown: false,
    source: `Borgerens beskeder til sagsbehandleren er fortrolige; udføreren ser kun beskeder om bestillingen. ${MINIMISATION}`,
  },
};

/** Whether the provider may see `part` of the case. */
export function providerMaySee(part: ProviderPart): boolean {
  return PROVIDER_DISCLOSURE[part].shown;
}
