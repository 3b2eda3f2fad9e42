import type { CprRegisterConfig } from '../../../platform/config.ts';
import { demoCprRegister } from './demo-cpr-register.ts';
import { serviceplatformenCprRegister } from './serviceplatformen-cpr-register.ts';

/** A person as the CPR register knows them: what the create-citizen form takes over. */
export type CprPerson = {
  cpr: string;
  firstName: string;
  lastName: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
};

/** The register's answer: the person, no such person, or no register to ask (the caseworker types the details). */
export type CprLookup = { status: 'found'; person: CprPerson } | { status: 'not_found' } | { status: 'unavailable' };

/**
 * The CPR register behind one interface: Serviceplatformen's CPR service once CPR_REGISTER names it, the local
 * demo register until then. A register that does not answer in time is `unavailable`, never an error page: the
 * caseworker can always type the details.
 */
export interface CprRegister {
  readonly source: 'demo' | 'serviceplatformen' | 'none';
  lookup(cpr: string): Promise<CprLookup>;
}

const noRegister: CprRegister = { source: 'none', lookup: async () => ({ status: 'unavailable' }) };

export function cprRegisterOf(config: CprRegisterConfig): CprRegister {
  switch (config.kind) {
    case 'demo':
      return demoCprRegister;
    case 'none':
      return noRegister;
    case 'serviceplatformen':
      return serviceplatformenCprRegister(config);
  }
}
