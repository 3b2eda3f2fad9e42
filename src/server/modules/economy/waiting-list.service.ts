import { offerDeliversBasis } from '../../../rules/cases/decision-rules.ts';
import { nextWaitingStatus, waitingDays, waitingStats } from '../../../rules/economy/waiting-list.ts';
import type { WaitingAction, WaitingEntry, WaitingEntryInput, WaitingList } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { today } from '../../platform/clock.ts';
import { conflict, fieldError, invalidTransition, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository, type WaitingRow } from './capacity.repository.ts';
import { ratesRepository } from './rates.repository.ts';

/** The waiting list is personal data: every read and change is logged on the citizen, for supervision. */
async function audit(
  tx: Tx,
  ctx: RequestContext,
  e: {
    action: 'read' | 'search' | 'create' | 'update';
    citizenId?: string;
    recordId?: string;
    criterion?: string;
    details?: Record<string, unknown>;
  },
) {
  await writeAudit(tx, auditActorOf(ctx), {
    action: e.action,
    purpose: ctx.actor.role === 'caseworker' ? 'case_processing' : ctx.actor.role === 'team_leader' ? 'supervision' : 'economy',
    recordType: 'waiting_list_entry',
    recordId: e.recordId ?? null,
    citizenId: e.citizenId ?? null,
    criterion: e.criterion ?? null,
    details: e.details ?? null,
  });
}

function toEntry(r: WaitingRow, now: PlainDate): WaitingEntry {
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: `${r.first_name} ${r.last_name}`,
    caseId: r.case_id,
    legalBasis: r.legal_basis,
    offerId: r.offer_id,
    offerName: r.offer_name,
    decidedOn: r.decided_on as PlainDate,
    neededFrom: r.needed_from as PlainDate,
    priority: r.priority,
    status: r.status,
    offeredOfferId: r.offered_offer_id,
    offeredOfferName: r.offered_offer_name,
    offeredOn: r.offered_on as PlainDate | null,
    answerBy: r.answer_by as PlainDate | null,
    startOn: r.start_on as PlainDate | null,
    closedOn: r.closed_on as PlainDate | null,
    declines: r.declines,
    waitingDays: waitingDays({ neededFrom: r.needed_from as PlainDate, closedOn: r.closed_on as PlainDate | null }, now),
    version: r.version,
  };
}

export const waitingListService = {
  /** A page of the list in the order places are filled (priority, longest wait, decision date), with its waiting times. */
  async list(
    ctx: RequestContext,
    q: { status: 'open' | 'closed' | 'all'; legalBasis?: string; offerId?: string; page: number; pageSize: number },
  ): Promise<WaitingList> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const now = today();
      const { items, total } = await capacityRepository.waitingPage(tx, m, q, q.pageSize, (q.page - 1) * q.pageSize);
      const all = await capacityRepository.waitingForStats(tx, m, q);
      await audit(tx, ctx, {
        action: 'search',
        criterion: `waiting:${q.status}:${q.legalBasis ?? ''}:${q.offerId ?? ''}`,
        details: { hits: total },
      });
      return {
        items: items.map((r) => toEntry(r, now)),
        total,
        page: q.page,
        pageSize: q.pageSize,
        named: true,
        stats: waitingStats(
          all.map((e) => ({
            status: e.status,
            priority: e.priority as 1 | 2 | 3,
            decidedOn: e.decided_on as PlainDate,
            neededFrom: e.needed_from as PlainDate,
            closedOn: e.closed_on as PlainDate | null,
          })),
          now,
        ),
      };
    });
  },

  /**
   * A granted citizen without a place enters the list with the decision date, the date of need and a priority. One
   * open entry per citizen and offer type (409 on a second).
   */
  async enter(ctx: RequestContext, input: WaitingEntryInput): Promise<{ id: string }> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const citizen = await capacityRepository.citizen(tx, m, input.citizenId);
      if (!citizen) throw fieldError('citizenId', 'waiting.citizen');
      if (input.caseId) {
        const c = await capacityRepository.caseOfCitizen(tx, m, input.caseId);
        if (!c || c.citizen_id !== input.citizenId) throw fieldError('caseId', 'waiting.citizen');
      }
      if (input.offerId) {
        const offer = await ratesRepository.offer(tx, m, input.offerId);
        if (!offer) throw fieldError('offerId', 'offer.unknown');
        if (!offerDeliversBasis(offer.legal_bases, input.legalBasis)) throw fieldError('offerId', 'waiting.offerType');
      }
      if (input.decidedOn > today()) throw fieldError('decidedOn', 'waiting.future');
      if (input.neededFrom < input.decidedOn) throw fieldError('neededFrom', 'waiting.neededBeforeDecision');
      let id: string;
      try {
        id = await capacityRepository.insertWaiting(tx, m, {
          citizen_id: input.citizenId,
          case_id: input.caseId,
          legal_basis: input.legalBasis,
          offer_id: input.offerId,
          decided_on: input.decidedOn,
          needed_from: input.neededFrom,
          priority: input.priority,
          note: input.note || null,
          created_by_name: ctx.actor.name,
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505') throw conflict('already on the waiting list');
        throw error;
      }
      await capacityRepository.insertWaitingEvent(tx, m, {
        entry_id: id,
        kind: 'entered',
        occurred_on: today(),
        offer_id: input.offerId,
        note: input.note || null,
        actor_name: ctx.actor.name,
      });
      await audit(tx, ctx, {
        action: 'create',
        citizenId: input.citizenId,
        recordId: id,
        details: { legalBasis: input.legalBasis },
      });
      return { id };
    });
  },

  /**
   * A step on an entry, by the typed table (rules/economy/waiting-list.ts): offer a place, accept, decline, withdraw,
   * reprioritise. A step the status does not allow is 409 (invalid_transition); a stale version is 409 (conflict).
   */
  async act(ctx: RequestContext, id: string, a: WaitingAction): Promise<{ version: number }> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const e = await capacityRepository.waitingById(tx, m, id);
      if (!e) throw notFound();
      const next = nextWaitingStatus(e.status, a.action);
      if (next === null) throw invalidTransition();
      if (a.on > today()) throw fieldError('on', 'waiting.future');
      let set: Parameters<typeof capacityRepository.updateWaiting>[4];
      let offerId: string | null = null;
      switch (a.action) {
        case 'offer': {
          const offer = await ratesRepository.offer(tx, m, a.offerId);
          if (!offer) throw fieldError('offerId', 'offer.unknown');
          if (!offerDeliversBasis(offer.legal_bases, e.legal_basis)) throw fieldError('offerId', 'waiting.offerType');
          if (a.answerBy !== null && a.answerBy < a.on) throw fieldError('answerBy', 'dates.order');
          offerId = a.offerId;
          set = { status: next, offered_offer_id: a.offerId, offered_on: a.on, answer_by: a.answerBy };
          break;
        }
        case 'accept':
          if (a.startOn < a.on) throw fieldError('startOn', 'dates.order');
          offerId = e.offered_offer_id;
          set = { status: next, start_on: a.startOn, closed_on: a.on };
          break;
        case 'decline':
          offerId = e.offered_offer_id;
          set = { status: next, offered_offer_id: null, offered_on: null, answer_by: null, declines: e.declines + 1 };
          break;
        case 'withdraw':
          set = { status: next, closed_on: a.on };
          break;
        case 'reprioritise':
          set = { status: next, priority: a.priority };
          break;
      }
      if (!(await capacityRepository.updateWaiting(tx, m, id, a.version, set))) throw conflict();
      const kind = (
        {
          offer: 'offered',
          accept: 'accepted',
          decline: 'declined',
          withdraw: 'withdrawn',
          reprioritise: 'reprioritised',
        } as const
      )[a.action];
      await capacityRepository.insertWaitingEvent(tx, m, {
        entry_id: id,
        kind,
        occurred_on: a.on,
        offer_id: offerId,
        note: a.note || null,
        actor_name: ctx.actor.name,
      });
      await audit(tx, ctx, { action: 'update', citizenId: e.citizen_id, recordId: id, details: { action: a.action } });
      return { version: e.version + 1 };
    });
  },
};
