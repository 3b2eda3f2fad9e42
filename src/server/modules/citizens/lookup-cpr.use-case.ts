import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import type { CprLookupView } from '../../../shared/citizens/relative.schema.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { citizensRepository } from './citizens.repository.ts';
import type { CprRegister } from './cpr-register/cpr-register.ts';

/**
 * Before a citizen is created: is the person already a citizen here (then go there), and what does the CPR register
 * say (name and address to take over)? The register is asked outside the transaction (it may take seconds); the
 * look-up is audited with its criterion, as a search is.
 */
export async function lookupCpr(ctx: RequestContext, register: CprRegister, cpr: string): Promise<CprLookupView> {
  const existing = await runUseCase(ctx, async (tx) => {
    const row = await citizensRepository.byCpr(tx, cpr);
    await writeAudit(tx, auditActorOf(ctx), {
      action: 'search',
      purpose: purposeOf(ctx.actor.role),
      recordType: 'cpr_register',
      criterion: cpr,
      details: { source: register.source, existing: row !== undefined },
      ...(row ? { citizenId: row.id } : {}),
    });
    return row;
  });
  if (existing) return { source: register.source, status: 'exists', citizenId: existing.id, person: null };
  const answer = await register.lookup(cpr);
  return {
    source: register.source,
    status: answer.status,
    citizenId: null,
    person: answer.status === 'found' ? answer.person : null,
  };
}
