/**
 * UI texts of economy and capacity (issue 13), merged into the app's messages (i18n/messages.ts). Danish is the
 * default; English mirrors every key (the type makes a missing one a compile error).
 */
export const economyDa = {
  'catalogue.owner.other_municipality': 'Anden kommune',
  'catalogue.owner.region': 'Region',
  'catalogue.offer.provider': 'Drives af',
};

export const economyEn: Record<keyof typeof economyDa, string> = {
  'catalogue.owner.other_municipality': 'Another municipality',
  'catalogue.owner.region': 'Region',
  'catalogue.offer.provider': 'Run by',
};
