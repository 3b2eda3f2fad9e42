import { CASE_STATUSES } from '../../../rules/cases/case-state-machine.ts';
import { MUNICIPALITY_DEADLINE_KINDS } from '../../../rules/deadlines/deadline-duty.ts';
import { deadlineStatus, dueWindow } from '../../../rules/deadlines/deadlines.ts';
import { type Page, pageOffset } from '../../../shared/api/page.ts';
import type { CaseListItem, CaseListQuery } from '../../../shared/cases/case.schema.ts';
import { foldName } from '../../../shared/citizens/citizen-search.ts';
import { formatCpr } from '../../../shared/cpr/cpr.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase } from './case-file.helpers.ts';
import { caseFileRepository, type WorklistSearch } from './case-file.repository.ts';

/**
 * The work list: "my cases", or a team leader's team (the cases of the staff in their unit). Filtered by status,
 * paragraph, next deadline and caseworker, searched by name, CPR or journal number, sorted and paged on the server. Only deadlines
 * the municipality must meet count as a case's next deadline (rules/deadlines/deadline-duty.ts): a complaint
 * deadline that ran out without a complaint, or the end of § 85's four weeks, does not make a case overdue.
 */
export async function listCases(ctx: RequestContext, q: CaseListQuery): Promise<Page<CaseListItem>> {
  return runUseCase(ctx, async (tx) => {
    const team = q.scope === 'team';
    if (team && (ctx.actor.role !== 'team_leader' || !ctx.actor.unitId)) throw forbidden('only a team leader sees a team');
    const now = ctx.clock.today();
    const search = parseSearch(q.q);
    const { items, total, totalCapped } = await caseFileRepository.worklist(
      tx,
      {
        caseworkerId: team ? (q.caseworkerId ?? null) : ctx.actor.userId,
        unitId: team ? ctx.actor.unitId : null,
        status: q.status ?? null,
        paragraph: q.paragraph ?? null,
        due: q.due === 'all' ? null : q.due === 'none' ? 'none' : dueWindow(q.due, now),
        kinds: MUNICIPALITY_DEADLINE_KINDS,
        search,
      },
      { sort: q.sort, dir: q.dir, statusOrder: CASE_STATUSES },
      q.pageSize,
      pageOffset(q),
    );
    await auditCase(tx, ctx, {
      action: 'search',
      recordType: 'case',
      // The criterion as typed (Datatilsynet: log the search criterion), with the filters beside it.
      criterion: [
        `cases:${q.scope}:${q.due}`,
        q.status ? `status=${q.status}` : '',
        q.paragraph ? `paragraph=${q.paragraph}` : '',
        q.caseworkerId ? `caseworker=${q.caseworkerId}` : '',
        q.q ? `q=${q.q}` : '',
      ]
        .filter(Boolean)
        .join(' '),
      details: { hits: total, ...(totalCapped ? { hitsCapped: true } : {}) },
    });
    return {
      items: items.map((i) => ({
        id: i.id,
        citizenName: `${i.first_name} ${i.last_name}`,
        journalNumber: i.journal_number,
        cpr: formatCpr(i.cpr),
        title: i.title,
        status: i.status,
        openedOn: i.opened_on as PlainDate,
        legalBasis: i.legal_basis ?? null,
        caseworker: i.caseworker_id && i.caseworker_name ? { id: i.caseworker_id, name: i.caseworker_name } : null,
        version: i.version,
        nextDeadline:
          i.next_due && i.next_kind
            ? { kind: i.next_kind, dueDate: i.next_due as PlainDate, status: deadlineStatus(i.next_due as PlainDate, now) }
            : null,
      })),
      total,
      totalCapped,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/**
 * A CPR number (with or without the dash), a birth date as ddmmyy, or words that each start a first or last name;
 * the last two also find a case by its journal number as typed.
 */
export function parseSearch(text: string | undefined): WorklistSearch | null {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return null;
  const digits = trimmed.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits)) return { kind: 'cpr', cpr: digits };
  if (/^\d{6}$/.test(digits)) return { kind: 'birth', ddmmyy: digits, text: trimmed };
  // Folded as the stored search names are (Kjaersgaard finds Kjærsgaard; migration 0028).
  return { kind: 'name', tokens: trimmed.split(/\s+/).slice(0, 5).map(foldName), text: trimmed };
}
