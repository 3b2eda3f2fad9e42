import type { CaseMunicipalities } from '../../../shared/cases/case.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/**
 * Records who acts and who pays on the case (retssikkerhedsloven §§ 9–9 c): the case's own municipality, or another
 * named by code and name. Another paying municipality makes a place in one of our offers a sale in the forecast.
 * Naming one's own municipality as "another" is refused (400), so the record says what it means.
 */
export async function setMunicipalities(
  ctx: RequestContext,
  id: string,
  input: CaseMunicipalities,
): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    if (input.acting?.code === ctx.actor.municipalityCode) throw fieldError('acting.code', 'municipality.own');
    if (input.paying?.code === ctx.actor.municipalityCode) throw fieldError('paying.code', 'municipality.own');
    if (!(await caseFileRepository.setMunicipalities(tx, id, input.version, input))) throw conflict();
    const own = ctx.actor.municipalityName;
    const text = (m: { code: string; name: string } | null) => (m ? `${m.name} (${m.code})` : own);
    await journal(
      tx,
      ctx,
      id,
      'municipalities',
      'Handlekommune og betalingskommune',
      `Handlekommune: ${text(input.acting)}. Betalingskommune: ${text(input.paying)} (retssikkerhedsloven §§ 9–9 c).`,
    );
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: id,
      details: { change: 'municipalities', acting: input.acting?.code ?? null, paying: input.paying?.code ?? null },
    });
    return { version: input.version + 1 };
  });
}
