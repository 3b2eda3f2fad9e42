export { citizenImport, type ImportedCitizen } from './citizen-import.repository.ts';
export { citizensRoutes } from './citizens.routes.ts';
export { citizensService } from './citizens.service.ts';
export { type CprRegister, cprRegisterOf } from './cpr-register/cpr-register.ts';
