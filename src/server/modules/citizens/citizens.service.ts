import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import type { Role } from '../../../shared/access/permissions.ts';
import type { Page, PageQuery } from '../../../shared/api/page.ts';
import { pageOffset } from '../../../shared/api/page.ts';
import type { AccessLogEntry, AuditAction } from '../../../shared/audit/audit.schema.ts';
import {
  CITIZEN_CASES_PAGE_SIZE,
  type CitizenCase,
  type CitizenContactUpdate,
  type CitizenCreate,
  type CitizenDetail,
  type CitizenSearchQuery,
  type CitizenSummary,
} from '../../../shared/citizens/citizen.schema.ts';
import { parseCitizenQuery } from '../../../shared/citizens/citizen-search.ts';
import { parseCpr } from '../../../shared/cpr/cpr.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { auditRepository } from '../../platform/audit/audit.repository.ts';
import { type AuditEvent, writeAudit, writeAuditEntries } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { AuditedDenial, runUseCase } from '../../platform/use-case.ts';
import { caseFileReads } from '../case-file/index.ts';
import { orderReads } from '../orders/index.ts';
import { type CitizenCriterion, type CitizenRow, citizensRepository } from './citizens.repository.ts';

/**
 * Which citizens a role may see at all, beyond its permission to read citizens. Provider staff see only
 * citizens with an active order at their offers (orders arrive with the case flow; until then, none).
 */
export const CITIZEN_SCOPE: Record<Role, 'municipality' | 'own_offers' | 'self' | 'none'> = {
  caseworker: 'municipality',
  team_leader: 'municipality',
  administrator: 'municipality',
  provider_staff: 'own_offers',
  analyst: 'none',
  // Economists see grants through the economy module's drill-down, never by looking citizens up.
  economist: 'none',
  // Council members see figures, never citizens.
  council_member: 'none',
  citizen: 'self',
};

function toSummary(
  r: Pick<CitizenRow, 'id' | 'cpr' | 'substitute_cpr' | 'birth_date' | 'first_name' | 'last_name' | 'city'>,
): CitizenSummary {
  return {
    id: r.id,
    cpr: r.cpr,
    substituteCpr: r.substitute_cpr,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date as PlainDate,
    city: r.city,
  };
}

/** The typed text's meaning; a two-digit year's century that lies ahead is no birth date. */
function criterionOf(q: string, today: PlainDate): CitizenCriterion {
  const query = parseCitizenQuery(q);
  return query.kind === 'birth' ? { kind: 'birth', dates: query.dates.filter((d) => d <= today) } : query;
}

async function audit(tx: Tx, ctx: RequestContext, action: AuditAction, event: Omit<AuditEvent, 'action' | 'purpose'>) {
  return writeAudit(tx, auditActorOf(ctx), { action, purpose: purposeOf(ctx.actor.role), ...event });
}

/** Loads a citizen the actor may see, or writes the denial and answers 404 (not 403: no hint it exists). */
/** Provider staff see the citizen, not the authority's cases (SEL § 141, stk. 5). */
async function casesOf(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  query: PageQuery,
): Promise<{ cases: CitizenCase[]; casesTotal: number }> {
  if (CITIZEN_SCOPE[ctx.actor.role] !== 'municipality') return { cases: [], casesTotal: 0 };
  const { items, total } = await caseFileReads.casesOfCitizen(tx, id, query.pageSize, pageOffset(query));
  return {
    cases: items.map((c) => ({ id: c.id, title: c.title, status: c.status, openedOn: c.opened_on as PlainDate })),
    casesTotal: total,
  };
}

export async function loadVisible(tx: Tx, ctx: RequestContext, id: string): Promise<CitizenRow> {
  const scope = CITIZEN_SCOPE[ctx.actor.role];
  const row = await citizensRepository.byId(tx, id);
  const visible =
    row !== undefined &&
    (scope === 'municipality' ||
      (scope === 'self' && ctx.actor.citizenId === id) ||
      (scope === 'own_offers' && (await orderReads.citizenServedAt(tx, id, ctx.actor.offerUnitIds, ctx.clock.today()))));
  if (!row) throw notFound();
  if (!visible) {
    throw new AuditedDenial({ purpose: purposeOf(ctx.actor.role), citizenId: id, recordType: 'citizen', recordId: id });
  }
  return row;
}

export const citizensService = {
  /**
   * Searching is logged with its criterion (Datatilsynet), whether or not anything is found, and each citizen the
   * page showed gets a row of their own, so the search is in their access log too.
   */
  async search(ctx: RequestContext, query: CitizenSearchQuery): Promise<Page<CitizenSummary>> {
    return runUseCase(ctx, async (tx) => {
      const { items, total } = await citizensRepository.search(
        tx,
        criterionOf(query.q, ctx.clock.today()),
        query.pageSize,
        pageOffset(query),
      );
      const purpose = purposeOf(ctx.actor.role);
      await writeAuditEntries(tx, auditActorOf(ctx), [
        { action: 'search', purpose, recordType: 'citizen', criterion: query.q, details: { hits: total, page: query.page } },
        ...items.map((c) => ({
          action: 'search' as const,
          purpose,
          citizenId: c.id,
          recordType: 'citizen',
          recordId: c.id,
          criterion: query.q,
          details: { shownInSearch: true },
        })),
      ]);
      return { items: items.map(toSummary), total, page: query.page, pageSize: query.pageSize };
    });
  },

  /** A page of the citizen's cases, newest first; audited as a read of the citizen (the overview pages them). */
  async cases(ctx: RequestContext, id: string, query: PageQuery): Promise<Page<CitizenCase>> {
    return runUseCase(ctx, async (tx) => {
      await loadVisible(tx, ctx, id);
      const { cases, casesTotal } = await casesOf(tx, ctx, id, query);
      await audit(tx, ctx, 'read', {
        citizenId: id,
        recordType: 'citizen',
        recordId: id,
        details: { part: 'cases', page: query.page },
      });
      return { items: cases, total: casesTotal, page: query.page, pageSize: query.pageSize };
    });
  },

  /** The read and its audit row commit together, or neither does. */
  async read(ctx: RequestContext, id: string): Promise<CitizenDetail> {
    return runUseCase(ctx, async (tx) => {
      const row = await loadVisible(tx, ctx, id);
      await audit(tx, ctx, 'read', { citizenId: id, recordType: 'citizen', recordId: id });
      return {
        ...toSummary(row),
        address: row.address,
        postalCode: row.postal_code,
        phone: row.phone,
        email: row.email,
        municipalityName: ctx.actor.municipalityName,
        version: row.version,
        // Provider staff see the citizen, not the authority's cases (SEL § 141, stk. 5).
        ...(await casesOf(tx, ctx, id, { page: 1, pageSize: CITIZEN_CASES_PAGE_SIZE })),
      };
    });
  },

  async create(ctx: RequestContext, input: CitizenCreate): Promise<{ id: string }> {
    const parsed = parseCpr(input.cpr);
    if (!parsed.ok) throw fieldError('cpr', parsed.reason);
    return runUseCase(ctx, async (tx) => {
      if (await citizensRepository.existsByCpr(tx, parsed.cpr)) throw fieldError('cpr', 'cpr.taken');
      const id = await citizensRepository.insert(tx, {
        municipality_id: ctx.actor.municipalityId,
        cpr: parsed.cpr,
        substitute_cpr: parsed.substitute,
        birth_date: parsed.birthDate,
        first_name: input.firstName,
        last_name: input.lastName,
        address: input.address,
        postal_code: input.postalCode,
        city: input.city,
        phone: input.phone,
        email: input.email,
      });
      await audit(tx, ctx, 'create', { citizenId: id, recordType: 'citizen', recordId: id });
      return { id };
    });
  },

  async updateContact(ctx: RequestContext, id: string, input: CitizenContactUpdate): Promise<{ version: number }> {
    return runUseCase(ctx, async (tx) => {
      await loadVisible(tx, ctx, id);
      const updated = await citizensRepository.updateContact(tx, id, input.version, {
        address: input.address,
        postal_code: input.postalCode,
        city: input.city,
        phone: input.phone,
        email: input.email,
      });
      if (!updated) throw conflict();
      await audit(tx, ctx, 'update', { citizenId: id, recordType: 'citizen', recordId: id, details: { fields: ['contact'] } });
      return { version: input.version + 1 };
    });
  },

  /** Who has looked at this citizen: for administrators and team leaders, with names. */
  async accessLog(ctx: RequestContext, id: string, page: PageQuery): Promise<Page<AccessLogEntry>> {
    return runUseCase(ctx, async (tx) => {
      await loadVisible(tx, ctx, id);
      const { rows, total } = await auditRepository.pageForCitizen(tx, id, page.pageSize, pageOffset(page));
      await audit(tx, ctx, 'read', { citizenId: id, recordType: 'access_log', recordId: id });
      return {
        items: rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurred_at.toISOString(),
          action: r.action as AccessLogEntry['action'],
          purpose: r.purpose as AccessLogEntry['purpose'],
          actorRole: r.actor_role,
          actorUnit: r.actor_unit_name,
          actorName: r.actor_name,
          recordType: r.record_type,
          criterion: r.criterion,
        })),
        total,
        page: page.page,
        pageSize: page.pageSize,
      };
    });
  },
};
