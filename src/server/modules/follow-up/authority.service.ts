import { addDays } from '../../../rules/calendar/date-arithmetic.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { computeDeadline } from '../../../rules/deadlines/deadlines.ts';
import { supportEndsAfterStop, timeLimitAlert } from '../../../rules/follow-up/fko-schedule.ts';
import { type Page, type PageQuery, pageOffset } from '../../../shared/api/page.ts';
import type { FollowUpAlert, FollowUpInput, ProviderOrder } from '../../../shared/follow-up/follow-up.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { caseFlow } from '../cases/index.ts';
import { audit, loadOrderFor, postOrderMessage, readOrder, today } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';
import { goalViews, hoursView, hoursWindowStart, orderState } from './order-view.ts';

export type FollowUpView = {
  order: ProviderOrder;
  followUps: {
    id: string;
    heldOn: PlainDate;
    outcome: string;
    note: string;
    nextFollowUp: PlainDate | null;
    heldByName: string;
  }[];
  timeLimit: 'expired' | 'expiring' | null;
};

async function latestOrderOf(tx: Tx, ctx: RequestContext, caseId: string) {
  await caseFlow.loadCase(tx, caseId);
  const latest = await followUpRepository.latestOrderOfCase(tx, caseId);
  if (!latest) throw notFound();
  return loadOrderFor(tx, ctx, latest.id);
}

/**
 * The authority's follow-up (opfølgning): the goal history, the hours against the frame and the provider's notes on
 * the scheduled date, and an outcome per FFB "Status på indsats": continue, end and refer to a new service, or end.
 * Ending is a decision (stop): housing support (SEL § 85) continues 4 weeks from its date (seed 001), then the order
 * ends; the letter carries complaint guidance, since support is reduced.
 */
export const authorityFollowUpService = {
  async view(ctx: RequestContext, caseId: string): Promise<FollowUpView> {
    return runUseCase(ctx, async (tx) => {
      const o = await latestOrderOf(tx, ctx, caseId);
      const view = await readOrder(tx, ctx, o);
      const followUps = await followUpRepository.followUps(tx, caseId);
      await audit(tx, ctx, { action: 'read', citizenId: o.citizen_id, recordType: 'order', recordId: o.id });
      return {
        order: view,
        followUps: followUps.map((f) => ({
          id: f.id,
          heldOn: f.held_on as PlainDate,
          outcome: f.outcome,
          note: f.note,
          nextFollowUp: f.next_follow_up as PlainDate | null,
          heldByName: f.held_by_name,
        })),
        timeLimit: timeLimitAlert(view.frame.timeLimitUntil, today()),
      };
    });
  },

  /**
   * The alerts for "my cases" (or the team's): an FKO status overdue from the provider, delivered hours off the
   * frame, a time-limited grant within 30 days of its end or past it, a follow-up due within 7 days. Paged; one
   * query each for goals, statuses and hours of the page.
   */
  async alerts(ctx: RequestContext, q: PageQuery & { scope: 'mine' | 'team' }): Promise<Page<FollowUpAlert>> {
    return runUseCase(ctx, async (tx) => {
      const now = today();
      const caseworkerId = q.scope === 'team' && ctx.actor.role === 'team_leader' ? null : ctx.actor.userId;
      const { items, total } = await followUpRepository.runningForCaseworker(tx, caseworkerId, now, q.pageSize, pageOffset(q));
      const ids = items.map((i) => i.id);
      const goals = await followUpRepository.goals(tx, ids);
      const statuses = await followUpRepository.statuses(tx, ids);
      const hours = await followUpRepository.hours(tx, ids, hoursWindowStart(now));
      const rules = deadlineRulesFor(ctx.actor.municipalityCode);
      await audit(tx, ctx, {
        action: 'search',
        recordType: 'order',
        criterion: `follow-up-alerts:${q.scope}`,
        details: { hits: total },
      });
      return {
        items: items.map((i) => {
          const weekly = i.weekly_hours === null ? null : Number(i.weekly_hours);
          const views = goalViews(i, goals, [], statuses, rules, now);
          const limit = timeLimitAlert(i.time_limit_until as PlainDate | null, now);
          const alerts: FollowUpAlert['alerts'] = [
            ...(views.some((g) => g.nextStatus?.overdue) ? (['fko_overdue'] as const) : []),
            ...(hoursView(i, weekly, hours, now).flag ? (['hours_deviation'] as const) : []),
            ...(limit === 'expired'
              ? (['time_limit_expired'] as const)
              : limit === 'expiring'
                ? (['time_limit_expiring'] as const)
                : []),
            ...(i.first_follow_up <= addDays(now, 7) ? (['follow_up_due'] as const) : []),
          ];
          return {
            caseId: i.case_id,
            citizenName: `${i.first_name} ${i.last_name}`,
            nextFollowUp: i.first_follow_up as PlainDate,
            timeLimitUntil: i.time_limit_until as PlainDate | null,
            alerts,
          };
        }),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  },

  async message(ctx: RequestContext, caseId: string, body: string): Promise<void> {
    await runUseCase(ctx, async (tx) => postOrderMessage(tx, ctx, await latestOrderOf(tx, ctx, caseId), body));
  },

  async hold(
    ctx: RequestContext,
    caseId: string,
    input: FollowUpInput,
  ): Promise<{ followUpId: string; documentId: string | null }> {
    return runUseCase(ctx, async (tx) => {
      const c = await caseFlow.loadCase(tx, caseId);
      const latest = await followUpRepository.latestOrderOfCase(tx, caseId);
      const o = latest ? await loadOrderFor(tx, ctx, latest.id) : undefined;
      if (!o || orderState(o, input.heldOn) === 'ended' || o.ends_on !== null) {
        throw caseFlow.conflictOn('order', 'followUp.noOrder');
      }
      let decisionId: string | null = null;
      let documentId: string | null = null;
      if (input.outcome === 'continue') {
        // The status stays; the version moves, so two caseworkers holding the same follow-up cannot both save.
        if (!(await caseFlow.setStatus(tx, caseId, input.version, c.status))) throw conflict();
        await followUpRepository.setFirstFollowUp(tx, o.id, input.nextFollowUp as string);
      } else {
        const next = caseFlow.transition(c, input.outcome === 'end' ? 'close' : 'reopen_for_new_decision');
        const rules = deadlineRulesFor(ctx.actor.municipalityCode);
        const { endsOn, continuation } = supportEndsAfterStop(o.legal_basis, input.heldOn, rules);
        const complaint = computeDeadline('complaint', input.heldOn, rules);
        const decision = (await caseFlow.decisions(tx, [caseId])).find((d) => d.outcome !== 'refused');
        if (!decision) throw caseFlow.conflictOn('order', 'followUp.noOrder');
        const letterhead = await caseFlow.letterhead(tx, ctx.actor.municipalityId);
        documentId = await caseFlow.journaliseLetter(tx, ctx, c, {
          kind: 'decision_letter',
          title: 'Afgørelse om ophør af støtte',
          on: input.heldOn,
          subject: `Afgørelse om ophør af ${decision.service_title.toLowerCase()} (${o.legal_basis})`,
          paragraphs: [
            `Din støtte efter ${o.legal_basis} hos ${o.offer_name} ophører.`,
            continuation
              ? `Du beholder støtten i 4 uger fra afgørelsens dato, til og med den ${caseFlow.danishDate(continuation.counted)}.`
              : `Støtten ophører den ${caseFlow.danishDate(endsOn)}.`,
            `Begrundelse: ${input.reasons}`,
            input.partyHearing === 'done'
              ? 'Du er blevet partshørt, før afgørelsen blev truffet.'
              : `Partshøring var ikke nødvendig: ${input.partyHearingNote}`,
            ...(input.outcome === 'end_and_refer'
              ? ['Vi vurderer, at du har brug for en anden indsats. Vi træffer en ny afgørelse om den og skriver til dig.']
              : []),
            ...caseFlow.complaintGuidance(letterhead, complaint),
          ],
        });
        decisionId = await caseFlow.insertDecision(tx, {
          municipality_id: ctx.actor.municipalityId,
          case_id: caseId,
          kind: 'stop',
          outcome: 'refused',
          legal_basis: o.legal_basis,
          service_description_version_id: decision.service_description_version_id,
          weekly_hours: null,
          profile_code: null,
          module_days: null,
          start_date: null,
          time_limit_until: null,
          reasons: input.reasons,
          party_hearing: input.partyHearing,
          party_hearing_note: input.partyHearingNote || null,
          decided_on: input.heldOn,
          decided_by: ctx.actor.userId,
          letter_document_id: documentId,
        });
        await followUpRepository.end(tx, o.id, endsOn, input.outcome);
        await caseFlow.storeDeadlines(tx, ctx, caseId, [...(continuation ? [continuation] : []), complaint]);
        if (!(await caseFlow.setStatus(tx, caseId, input.version, next))) throw conflict();
      }
      const followUpId = await followUpRepository.insertFollowUp(tx, {
        municipality_id: ctx.actor.municipalityId,
        case_id: caseId,
        order_id: o.id,
        held_on: input.heldOn,
        outcome: input.outcome,
        note: input.note,
        next_follow_up: input.outcome === 'continue' ? input.nextFollowUp : null,
        decision_id: decisionId,
        held_by_name: ctx.actor.name,
      });
      const outcomeDa = { continue: 'fortsætter', end_and_refer: 'afsluttes – ny indsats', end: 'afsluttes' }[input.outcome];
      await caseFlow.journal(tx, ctx, caseId, 'follow_up', `Opfølgning: indsatsen ${outcomeDa}`, input.note, documentId);
      await audit(tx, ctx, {
        action: 'create',
        citizenId: c.citizen_id,
        recordType: 'follow_up',
        recordId: followUpId,
        details: { outcome: input.outcome },
      });
      return { followUpId, documentId };
    });
  },

  /** Revisitation: the case goes back for a new decision on the frame or the offer; the order runs until replaced. */
  async revisit(ctx: RequestContext, caseId: string, input: { version: number; reason: string }): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const c = await caseFlow.loadCase(tx, caseId);
      if (c.status !== 'ordered') throw caseFlow.conflictOn('order', 'followUp.noOrder');
      const next = caseFlow.transition(c, 'reopen_for_new_decision');
      if (!(await caseFlow.setStatus(tx, caseId, input.version, next))) throw conflict();
      await caseFlow.journal(tx, ctx, caseId, 'revisitation', 'Revisitation påbegyndt', input.reason);
      await audit(tx, ctx, {
        action: 'update',
        citizenId: c.citizen_id,
        recordType: 'case',
        recordId: caseId,
        details: { change: 'revisitation' },
      });
    });
  },
};
