import type { Bundle } from '@medplum/fhirtypes';
import type { FfbViolation } from '../../../rules/ffb-reporting/ffb-rules.ts';
import type { CodeIndex } from '../../../rules/ffb-reporting/ffb-value-sets.ts';
import type { Tx } from '../../platform/tx.ts';
import { validateReport } from './ffb-report.ts';
import { ffbReportingRepository as repo } from './ffb-reporting.repository.ts';

/**
 * For imports of FFB delivery reports (data-import): the same validation a report gets before Visitator sends it
 * (structure and cardinality against the guide's profiles, then the FFB rules), and the organisation code KL knows
 * the municipality by (a report for another municipality is not imported).
 */
export const ffbBundleReader = {
  validate(bundle: Bundle, codes: CodeIndex): FfbViolation[] {
    return validateReport(bundle, codes);
  },

  async organisationCode(tx: Tx, municipalityId: string): Promise<string | null> {
    const s = await repo.settings(tx, municipalityId);
    return s?.organisation_code ?? null;
  },
};
