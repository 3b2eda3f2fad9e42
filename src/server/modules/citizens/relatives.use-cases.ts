import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { type Consent, consentState, sharingOf } from '../../../rules/records/consent.ts';
import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { AuditAction } from '../../../shared/audit/audit.schema.ts';
import type {
  ConsentInput,
  ConsentScope,
  ConsentView,
  ConsentWithdrawal,
  Relation,
  RelativeInput,
  RelativeUpdate,
  RelativeView,
} from '../../../shared/citizens/relative.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { type AuditEvent, writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { conflict, conflictOn, notFound, refuseFields } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { AuditedDenial, runUseCase } from '../../platform/use-case.ts';
import { CITIZEN_SCOPE, loadVisible } from './citizens.service.ts';
import { type ConsentRow, type RelativeRow, relativesRepository } from './relatives.repository.ts';

/**
 * Relatives and network (pårørende, netværk) and the citizen's consents (samtykke). Only the authority's staff see
 * them: a relative is someone the citizen chose to involve, and what may be shared with them follows the consent
 * (src/rules/records/consent.ts), not a role.
 */
async function loadCitizenForRelatives(tx: Tx, ctx: RequestContext, citizenId: string) {
  if (CITIZEN_SCOPE[ctx.actor.role] !== 'municipality') {
    throw new AuditedDenial({ purpose: purposeOf(ctx.actor.role), citizenId, recordType: 'relative', recordId: citizenId });
  }
  return loadVisible(tx, ctx, citizenId);
}

async function audit(tx: Tx, ctx: RequestContext, action: AuditAction, event: Omit<AuditEvent, 'action' | 'purpose'>) {
  return writeAudit(tx, auditActorOf(ctx), { action, purpose: purposeOf(ctx.actor.role), ...event });
}

const asConsent = (r: ConsentRow): Consent => ({
  id: r.id,
  scopes: r.scopes as ConsentScope[],
  givenOn: r.given_on as PlainDate,
  expiresOn: r.expires_on as PlainDate | null,
  withdrawnOn: r.withdrawn_on as PlainDate | null,
});

function toView(r: RelativeRow, consents: ConsentRow[], today: PlainDate): RelativeView {
  const own = consents.filter((c) => c.relative_id === r.id).map((c) => ({ row: c, consent: asConsent(c) }));
  return {
    id: r.id,
    name: r.name,
    relation: r.relation as Relation,
    phone: r.phone,
    email: r.email,
    address: r.address,
    note: r.note,
    version: r.version,
    consents: own.map(
      ({ row, consent }): ConsentView => ({
        id: row.id,
        scopes: consent.scopes as ConsentScope[],
        form: row.form as ConsentView['form'],
        givenOn: consent.givenOn,
        expiresOn: consent.expiresOn,
        withdrawnOn: consent.withdrawnOn,
        state: consentState(consent, today),
        recordedBy: row.recorded_by_name,
      }),
    ),
    sharing: sharingOf(
      own.map((o) => o.consent),
      today,
    ),
  };
}

async function loadRelative(tx: Tx, citizenId: string, relativeId: string): Promise<RelativeRow> {
  const relative = await relativesRepository.byId(tx, citizenId, relativeId);
  if (!relative) throw notFound();
  return relative;
}

/** A citizen's relatives with their consents and what may be shared with each today; the read is audited. */
export async function listRelatives(ctx: RequestContext, citizenId: string): Promise<RelativeView[]> {
  return runUseCase(ctx, async (tx) => {
    await loadCitizenForRelatives(tx, ctx, citizenId);
    const relatives = await relativesRepository.forCitizen(tx, citizenId);
    const consents = await relativesRepository.consentsOf(
      tx,
      relatives.map((r) => r.id),
    );
    await audit(tx, ctx, 'read', {
      citizenId,
      recordType: 'relative',
      recordId: citizenId,
      details: { count: relatives.length },
    });
    const today = ctx.clock.today();
    return relatives.map((r) => toView(r, consents, today));
  });
}

export async function addRelative(ctx: RequestContext, citizenId: string, input: RelativeInput): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    await loadCitizenForRelatives(tx, ctx, citizenId);
    const id = await relativesRepository.insert(tx, {
      municipality_id: ctx.actor.municipalityId,
      citizen_id: citizenId,
      ...input,
    });
    await audit(tx, ctx, 'create', { citizenId, recordType: 'relative', recordId: id });
    return { id };
  });
}

export async function updateRelative(
  ctx: RequestContext,
  citizenId: string,
  relativeId: string,
  input: RelativeUpdate,
): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    await loadCitizenForRelatives(tx, ctx, citizenId);
    await loadRelative(tx, citizenId, relativeId);
    const { version, ...patch } = input;
    if (!(await relativesRepository.update(tx, relativeId, version, patch))) throw conflict();
    await audit(tx, ctx, 'update', { citizenId, recordType: 'relative', recordId: relativeId });
    return { version: version + 1 };
  });
}

/** The citizen's consent, as the caseworker records it: what it covers, how given, from when, until when. */
export async function recordConsent(
  ctx: RequestContext,
  citizenId: string,
  relativeId: string,
  input: ConsentInput,
): Promise<{ id: string }> {
  refuseFields(dateProblems('consent', input, { today: ctx.clock.today() }));
  return runUseCase(ctx, async (tx) => {
    await loadCitizenForRelatives(tx, ctx, citizenId);
    await loadRelative(tx, citizenId, relativeId);
    const id = await relativesRepository.insertConsent(tx, {
      municipality_id: ctx.actor.municipalityId,
      relative_id: relativeId,
      scopes: [...new Set(input.scopes)],
      form: input.form,
      given_on: input.givenOn,
      expires_on: input.expiresOn,
      recorded_by: ctx.actor.userId,
    });
    await audit(tx, ctx, 'create', {
      citizenId,
      recordType: 'consent',
      recordId: id,
      details: { relativeId, scopes: input.scopes, expiresOn: input.expiresOn },
    });
    return { id };
  });
}

/** The citizen withdraws a consent (art. 7, stk. 3): dated, never undone; a new consent is a new record. */
export async function withdrawConsent(
  ctx: RequestContext,
  citizenId: string,
  relativeId: string,
  consentId: string,
  input: ConsentWithdrawal,
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    await loadCitizenForRelatives(tx, ctx, citizenId);
    await loadRelative(tx, citizenId, relativeId);
    const consent = await relativesRepository.consentById(tx, relativeId, consentId);
    if (!consent) throw notFound();
    if (consent.withdrawn_on !== null) throw conflictOn('withdrawnOn', 'consent.withdrawn');
    refuseFields(
      dateProblems('consent_withdrawal', input, { today: ctx.clock.today(), 'consent.givenOn': consent.given_on as PlainDate }),
    );
    if (!(await relativesRepository.withdrawConsent(tx, consentId, input.withdrawnOn, ctx.actor.userId))) {
      throw conflictOn('withdrawnOn', 'consent.withdrawn');
    }
    await audit(tx, ctx, 'update', {
      citizenId,
      recordType: 'consent',
      recordId: consentId,
      details: { relativeId, withdrawnOn: input.withdrawnOn },
    });
  });
}
