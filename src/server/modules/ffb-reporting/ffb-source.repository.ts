import { createHash } from 'node:crypto';
import { ASSESSMENT_THEMES } from '../../../shared/assessment/ffb-terms.ts';
import type { Tx } from '../../platform/tx.ts';
import type {
  FfbCarePlan,
  FfbCitizenSnapshot,
  FfbCondition,
  FfbEvaluation,
  FfbGoal,
  FfbRequest,
  FfbTargetGroup,
} from './ffb-snapshot.ts';

/**
 * Reads what the case modules have recorded and shapes it as FFB snapshots: a handful of queries for all of a
 * municipality's assessed cases (no query per citizen). Read only: the case modules own these tables.
 *
 * Keys (→ stable UUIDs): a condition and a target group belong to the citizen (`condition:<citizen>:<code>`: a later
 * assessment of the same condition updates it, as the guide says); an evaluation to the case and its date; a goal to
 * the case and its position; a care plan to an order; an intervention to an order and its FFB service; an information
 * gathering to the case, its round and the services, target groups and offer types it led to (the guide: a new one
 * when any of those change).
 */

/** "Status på indsats" (FFB) for the authority's follow-up outcomes. */
export const FOLLOW_UP_OUTCOME_CODES: Record<string, string> = {
  continue: '1e971d84-10a4-4ef8-a8b3-0daa4c7d088a', // Træf afgørelse om fortsættelse af indsats
  end_and_refer: 'b4c01aa8-82fd-44e4-83ff-ca19ec02c779', // Træf afgørelse om afslutning af indsats og visiter til ny
  end: 'd7d03656-4c87-4e67-9146-aa5990460f16', // Træf afgørelse om afslutning af indsats
};

const ACTIVITY_THEMES = new Set(ASSESSMENT_THEMES.filter((t) => t.group === 'activity').map((t) => t.code));
const dateOf = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const groupBy = <T, K>(rows: readonly T[], key: (r: T) => K) => {
  const m = new Map<K, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};

export type SnapshotSettings = { organisationCode: string; caseNumberSystem: string };

export async function loadSnapshots(
  tx: Tx,
  municipalityId: string,
  settings: SnapshotSettings,
  citizenIds?: readonly string[],
): Promise<FfbCitizenSnapshot[]> {
  let casesQ = tx
    .selectFrom('case_file as c')
    .innerJoin('citizen as ci', (j) =>
      j.onRef('ci.id', '=', 'c.citizen_id').onRef('ci.municipality_id', '=', 'c.municipality_id'),
    )
    .innerJoin('assessment as a', (j) => j.onRef('a.case_id', '=', 'c.id').onRef('a.municipality_id', '=', 'c.municipality_id'))
    .select([
      'c.id as case_id',
      'c.citizen_id',
      'c.status',
      'c.case_number',
      'ci.cpr',
      'a.id as assessment_id',
      'a.support_need_code',
      'a.updated_at',
      'a.assessed_on',
      'a.round',
    ])
    .where('c.municipality_id', '=', municipalityId);
  if (citizenIds) {
    if (!citizenIds.length) return [];
    casesQ = casesQ.where('c.citizen_id', 'in', citizenIds);
  }
  // Newest assessment first: where two cases assess the same condition, the newer one is the citizen's condition.
  const cases = await casesQ.orderBy('c.citizen_id').orderBy('a.updated_at', 'desc').execute();
  if (!cases.length) return [];
  const caseIds = cases.map((c) => c.case_id);
  const assessmentIds = cases.map((c) => c.assessment_id);

  const [conditions, goals, targetGroups, themes, orders] = await Promise.all([
    tx
      .selectFrom('assessment_condition')
      .select(['assessment_id', 'condition_code', 'level_code', 'recorded_on', 'last_asserted_on'])
      .where('municipality_id', '=', municipalityId)
      .where('assessment_id', 'in', assessmentIds)
      .orderBy('condition_code')
      .execute(),
    tx
      .selectFrom('assessment_goal')
      .select([
        'assessment_id',
        'position',
        'primary_condition_code',
        'secondary_condition_codes',
        'target_level_code',
        'goal_type_code',
        'status',
      ])
      .where('municipality_id', '=', municipalityId)
      .where('assessment_id', 'in', assessmentIds)
      .orderBy('position')
      .execute(),
    tx
      .selectFrom('case_target_group')
      .select(['case_id', 'code', 'rank', 'recorded_on'])
      .where('municipality_id', '=', municipalityId)
      .where('case_id', 'in', caseIds)
      .orderBy('rank')
      .orderBy('code')
      .execute(),
    tx
      .selectFrom('assessment_theme')
      .select(['assessment_id', 'theme_code', 'level_code'])
      .where('municipality_id', '=', municipalityId)
      .where('assessment_id', 'in', assessmentIds)
      .execute(),
    tx
      .selectFrom('case_order as o')
      .innerJoin('decision as d', (j) =>
        j.onRef('d.id', '=', 'o.decision_id').onRef('d.municipality_id', '=', 'o.municipality_id'),
      )
      .innerJoin('offer as of', 'of.id', 'o.offer_id')
      .select([
        'o.id',
        'o.case_id',
        'o.ordered_on',
        'o.first_follow_up',
        'o.status',
        'o.actual_start',
        'o.ends_on',
        'd.start_date',
        'of.ffb_code as offer_type',
      ])
      .where('o.municipality_id', '=', municipalityId)
      .where('o.case_id', 'in', caseIds)
      .orderBy('o.created_at')
      .execute(),
  ]);
  const orderIds = orders.map((o) => o.id);
  const [services, followUps] = orderIds.length
    ? await Promise.all([
        tx
          .selectFrom('order_service')
          .select(['order_id', 'ffb_code', 'starts_on', 'ends_on', 'created_at'])
          .where('municipality_id', '=', municipalityId)
          .where('order_id', 'in', orderIds)
          .orderBy('ffb_code')
          .execute(),
        tx
          .selectFrom('follow_up')
          .select(['id', 'order_id', 'held_on', 'outcome', 'next_follow_up'])
          .where('municipality_id', '=', municipalityId)
          .where('order_id', 'in', orderIds)
          .orderBy('held_on')
          .orderBy('created_at')
          .execute(),
      ])
    : [[], []];

  const conditionsOf = groupBy(conditions, (r) => r.assessment_id);
  const goalsOf = groupBy(goals, (r) => r.assessment_id);
  const groupsOf = groupBy(targetGroups, (r) => r.case_id);
  const themesOf = groupBy(themes, (r) => r.assessment_id);
  const ordersOf = groupBy(orders, (r) => r.case_id);
  const servicesOf = groupBy(services, (r) => r.order_id);
  const followUpsOf = groupBy(followUps, (r) => r.order_id);

  const byCitizen = new Map<string, FfbCitizenSnapshot>();
  for (const c of cases) {
    const assessedOn = c.assessed_on ?? dateOf(c.updated_at);
    const recorded = conditionsOf.get(c.assessment_id) ?? [];
    // Before Visitator recorded FFB conditions, the assessment had a level per theme only: those are reported as they
    // are, and the report is refused (a theme is not a condition) until the conditions are recorded.
    const caseConditions: FfbCondition[] = recorded.length
      ? recorded.map((r) => ({
          key: `condition:${c.citizen_id}:${r.condition_code}`,
          code: r.condition_code,
          severityCode: r.level_code,
          recordedOn: r.recorded_on,
          lastAssertedOn: r.last_asserted_on,
          clinicalStatus: 'active',
        }))
      : (themesOf.get(c.assessment_id) ?? []).map((t) => ({
          key: `condition:${c.citizen_id}:${t.theme_code}`,
          code: t.theme_code,
          severityCode: ACTIVITY_THEMES.has(t.theme_code) ? t.level_code : null,
          recordedOn: assessedOn,
          lastAssertedOn: null,
          clinicalStatus: 'active',
        }));
    if (!caseConditions.length && !c.support_need_code) continue;
    const evaluation: FfbEvaluation | null = c.support_need_code
      ? { key: `evaluation:${c.case_id}:${assessedOn}`, code: c.support_need_code, effectiveOn: assessedOn }
      : null;
    const caseGoals: FfbGoal[] = (goalsOf.get(c.assessment_id) ?? []).map((g) => ({
      key: `goal:${c.case_id}:${g.position}`,
      primaryConditionKey: `condition:${c.citizen_id}:${g.primary_condition_code}`,
      secondaryConditionKeys: g.secondary_condition_codes.map((s) => `condition:${c.citizen_id}:${s}`),
      targetLevelCode: g.target_level_code,
      goalTypeCode: g.goal_type_code,
      lifecycleStatus: g.status,
    }));
    const caseGroups: FfbTargetGroup[] = (groupsOf.get(c.case_id) ?? []).map((g) => ({
      key: `target-group:${c.citizen_id}:${g.code}`,
      code: g.code,
      rank: g.rank === 1 ? 1 : 2,
      recordedOn: g.recorded_on,
      clinicalStatus: 'active',
    }));
    const carePlans: FfbCarePlan[] = (ordersOf.get(c.case_id) ?? []).map((o) => {
      const ended = o.ends_on !== null;
      const held = followUpsOf.get(o.id) ?? [];
      const next = held.length ? (held.at(-1)?.next_follow_up ?? null) : o.first_follow_up;
      return {
        key: `care-plan:${o.id}`,
        start: o.actual_start ?? o.start_date ?? o.ordered_on,
        end: o.ends_on,
        status: ended ? 'completed' : 'active',
        intent: 'order',
        offerTypeCode: o.offer_type && !o.offer_type.startsWith('local:') ? o.offer_type : null,
        followUpOn: ended ? null : next,
        targetGroups: caseGroups,
        goalKeys: caseGoals.map((g) => g.key),
        evaluation,
        interventions: (servicesOf.get(o.id) ?? []).map((s) => ({
          key: `intervention:${o.id}:${s.ffb_code}`,
          code: s.ffb_code,
          createdAt: new Date(s.created_at).toISOString(),
          start: s.starts_on,
          end: s.ends_on,
          status: s.ends_on ? 'completed' : 'active',
          activityStatus: s.ends_on ? 'completed' : 'in-progress',
        })),
        followUps: held.map((f) => ({
          key: `follow-up:${f.id}`,
          outcomeCode: FOLLOW_UP_OUTCOME_CODES[f.outcome] ?? f.outcome,
          effectiveOn: f.held_on,
          status: 'final' as const,
        })),
      };
    });
    // A new information gathering with each round of assessment and when the services, target groups or offer types
    // it led to change (the guide, index.md "Information Gathering").
    const generation = createHash('sha256')
      .update(
        JSON.stringify([
          carePlans.map((p) => [p.key, p.offerTypeCode, p.interventions.map((i) => [i.code, i.end])]),
          caseGroups.map((g) => [g.code, g.rank]),
        ]),
      )
      .digest('hex')
      .slice(0, 12);
    const request: FfbRequest = {
      caseId: c.case_id,
      caseNumber: c.case_number ?? c.case_id,
      status: c.status === 'closed' ? 'completed' : 'active',
      targetGroups: caseGroups,
      gatherings: [
        {
          key: `ig:${c.case_id}:${c.round}:${generation}`,
          status: evaluation ? 'completed' : 'in-progress',
          effectiveAt: assessedOn,
          conditions: caseConditions,
          evaluation,
          goals: caseGoals,
        },
      ],
      carePlans,
    };
    const snapshot = byCitizen.get(c.citizen_id) ?? {
      citizenId: c.citizen_id,
      cpr: c.cpr,
      organisationCode: settings.organisationCode,
      caseNumberSystem: settings.caseNumberSystem,
      requests: [],
    };
    snapshot.requests.push(request);
    byCitizen.set(c.citizen_id, snapshot);
  }
  return [...byCitizen.values()];
}
