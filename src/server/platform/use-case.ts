import { type AuditEvent, writeAudit } from './audit/audit.ts';
import { auditActorOf, type RequestContext } from './auth/actor.ts';
import { AppError } from './errors.ts';
import { inTenant, type Tx } from './tx.ts';

/**
 * A refusal that must be audited. The use case's transaction rolls back, so the denial is written in a
 * transaction of its own after it (on PGlite's single connection it cannot be written while the first is open).
 * It answers 404 by default: no hint that the record exists.
 */
export class AuditedDenial extends AppError {
  constructor(
    readonly event: Omit<AuditEvent, 'action'>,
    code: 'not_found' | 'forbidden' = 'not_found',
  ) {
    super(code);
    this.audited = true;
  }
}

/** One use case, one transaction in the actor's municipality: authorise → load → rules → save → audit. */
export async function runUseCase<T>(ctx: RequestContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await inTenant(ctx.database, ctx.actor.municipalityId, fn);
  } catch (error) {
    if (error instanceof AuditedDenial) {
      await inTenant(ctx.database, ctx.actor.municipalityId, (tx) =>
        writeAudit(tx, auditActorOf(ctx), { ...error.event, action: 'access_denied' }),
      );
    }
    throw error;
  }
}
