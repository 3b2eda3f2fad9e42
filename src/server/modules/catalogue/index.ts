export { catalogueRoutes } from './catalogue.routes.ts';
export { catalogueService } from './catalogue.service.ts';
export { ffbCodeIndex } from './ffb-code-index.ts';
export { type CatalogueOffer, type ImportedOffer, offerImport } from './offer-import.repository.ts';
export { serviceLevelsOf } from './service-levels.repository.ts';
