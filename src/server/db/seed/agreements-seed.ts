import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  AGREEMENT_THEMES,
  DIRECTIONS,
  GOAL_LEVELS,
  GOAL_UNITS,
  MEASURE_KEYS,
} from '../../../shared/agreements/agreements.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { measureDemoAgreement } from '../../modules/agreements/index.ts';
import type { AdminTx, Database } from '../../platform/db/database.ts';
import { stableUuid } from './deterministic.ts';
import { loadForMunicipalities, readPolicyFiles } from './policy-files.ts';
import { fingerprintOf, SEED_DIR, seedUnlessUnchanged } from './seed-state.ts';

/**
 * The agreements' demo data (issue 14): the whole 2019–2020 agreement of Center for Særlig Social Indsats as seed
 * 003 prints it (policy/agreements/730-randers/csi-2019-2020.json, every goal with the passage it stands in), and an
 * invented 2025–2026 agreement of the same kind whose goals the demo's cases measure live. Deterministic and
 * idempotent: an agreement that is there already is left as it is.
 */
export const AGREEMENTS_DIR = fileURLToPath(new URL('../../../../policy/agreements/', import.meta.url));
/** The agreements module measures the invented agreement: its code is part of the seed's fingerprint. */
const AGREEMENTS_MODULE_DIR = fileURLToPath(new URL('../../modules/agreements/', import.meta.url));

const num = z.number().finite().nullable();
export const agreementFileSchema = z.object({
  municipalityCode: z.string(),
  unitKey: z.string(),
  title: z.string().min(1),
  periodFrom: z.string(),
  periodTo: z.string(),
  approvedBy: z.string().nullable(),
  source: z.string().min(1),
  invented: z.boolean(),
  goals: z.array(
    z.object({
      code: z.string(),
      level: z.enum(GOAL_LEVELS),
      theme: z.enum(AGREEMENT_THEMES),
      heading: z.string().optional(),
      title: z.string().min(1),
      unit: z.enum(GOAL_UNITS),
      direction: z.enum(DIRECTIONS),
      baselineValue: num,
      baselinePeriod: z.string().nullable(),
      baselineN: z.number().int().nullable(),
      baselineNLabel: z.string().nullable(),
      targetValue: num,
      targetChangePp: num,
      targetYear: z.number().int().nullable(),
      dataSource: z.string().min(1),
      measureKey: z.enum(MEASURE_KEYS).nullable(),
      definition: z.string().min(1),
      sourceRef: z.string().min(1),
      units: z.array(z.string()).optional(),
    }),
  ),
  externalValues: z
    .array(
      z.object({
        goal: z.string(),
        periodFrom: z.string(),
        periodTo: z.string(),
        value: z.number(),
        denominator: z.number().int().nullable(),
        source: z.string(),
        sourceDate: z.string(),
      }),
    )
    .default([]),
});
export type AgreementFile = z.infer<typeof agreementFileSchema>;

export function readAgreementFiles(dir: string = AGREEMENTS_DIR) {
  return readPolicyFiles(dir, agreementFileSchema);
}

const unitId = (code: string, key: string) => stableUuid(`unit:${code}:${key}`);

async function loadAgreement(tx: AdminTx, a: AgreementFile, municipalityId: string): Promise<boolean> {
  const id = stableUuid(`agreement:${a.municipalityCode}:${a.unitKey}:${a.periodFrom}`);
  const has = await tx.query('select 1 from agreement where municipality_id = $1 and id = $2', [municipalityId, id]);
  if (has.length > 0) return false;
  const created = await tx.query<{ created_at: string }>('select created_at from municipality where id = $1', [municipalityId]);
  const at = created[0]?.created_at ?? null;
  await tx.query(
    `insert into agreement (municipality_id, id, unit_id, title, period_from, period_to, approved_by, source, invented, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      municipalityId,
      id,
      unitId(a.municipalityCode, a.unitKey),
      a.title,
      a.periodFrom,
      a.periodTo,
      a.approvedBy,
      a.source,
      a.invented,
      at,
    ],
  );
  const goalIds = new Map<string, string>();
  for (const [i, g] of a.goals.entries()) {
    const goalId = stableUuid(`agreement-goal:${id}:${g.code}`);
    goalIds.set(g.code, goalId);
    await tx.query(
      `insert into agreement_goal (municipality_id, id, agreement_id, position, level, theme, heading, title, value_unit, direction,
         baseline_value, baseline_period, baseline_n, baseline_n_label, target_value, target_change_pp, target_year,
         data_source, measure_key, definition, source_ref, invented, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
      [
        municipalityId,
        goalId,
        id,
        i + 1,
        g.level,
        g.theme,
        g.heading ?? null,
        g.title,
        g.unit,
        g.direction,
        g.baselineValue,
        g.baselinePeriod,
        g.baselineN,
        g.baselineNLabel,
        g.targetValue,
        g.targetChangePp,
        g.targetYear,
        g.dataSource,
        g.measureKey,
        g.definition,
        g.sourceRef,
        a.invented,
        at,
      ],
    );
    for (const key of g.units ?? []) {
      await tx.query('insert into agreement_goal_unit (municipality_id, goal_id, unit_id) values ($1, $2, $3)', [
        municipalityId,
        goalId,
        unitId(a.municipalityCode, key),
      ]);
    }
  }
  for (const [i, v] of a.externalValues.entries()) {
    const goalId = goalIds.get(v.goal);
    if (!goalId) throw new Error(`${a.title}: an outside value names no goal ${v.goal}`);
    await tx.query(
      `insert into goal_measurement (municipality_id, id, goal_id, period_from, period_to, value, denominator, origin, source,
         source_date, computed_at, recorded_by_name)
       values ($1, $2, $3, $4, $5, $6, $7, 'entered', $8, $9, $10, 'Demodata')`,
      [
        municipalityId,
        stableUuid(`goal-measurement:${goalId}:${i}`),
        goalId,
        v.periodFrom,
        v.periodTo,
        v.value,
        v.denominator,
        v.source,
        v.sourceDate,
        `${v.sourceDate}T12:00:00Z`,
      ],
    );
  }
  return true;
}

/** Members of the social committee (read-only: agreements, status reports, strategy indicators); invented names. */
const COUNCIL_MEMBERS: { municipality: string; name: string }[] = [
  { municipality: '730', name: 'Birgitte Holm' },
  { municipality: '760', name: 'Jens Kirkegaard' },
  { municipality: '707', name: 'Anne Lykke' },
];

async function seedCouncilMembers(database: Database): Promise<void> {
  await database.adminTransaction(async (tx) => {
    const municipalities = await tx.query<{ id: string; code: string; created_at: string }>(
      'select id, code, created_at from municipality',
    );
    for (const m of municipalities) {
      for (const c of COUNCIL_MEMBERS.filter((x) => x.municipality === m.code)) {
        const id = stableUuid(`user:${m.code}:${c.name}`);
        await tx.query(
          `insert into app_user (id, municipality_id, name, role, unit_id, oidc_subject, is_demo, created_at)
           values ($1, $2, $3, 'council_member', null, $4, true, $5) on conflict do nothing`,
          [id, m.id, c.name, `demo-${m.code}-${c.name.toLowerCase().replace(/[^a-zæøå]+/g, '-')}`, m.created_at],
        );
      }
    }
  });
}

export async function seedAgreements(
  database: Database,
  options: { files?: ReturnType<typeof readAgreementFiles>; today?: PlainDate } = {},
): Promise<number> {
  // `npm start`: skipped when the files, the seed code and the day are those of the last start (migration 0037).
  if (options.today && !options.files) {
    const fingerprint = fingerprintOf([AGREEMENTS_DIR, SEED_DIR, AGREEMENTS_MODULE_DIR], [options.today]);
    let loaded = 0;
    await seedUnlessUnchanged(database, 'demo-agreements', fingerprint, async () => {
      loaded = await seedAgreementsNow(database, options);
    });
    return loaded;
  }
  return seedAgreementsNow(database, options);
}

async function seedAgreementsNow(
  database: Database,
  options: { files?: ReturnType<typeof readAgreementFiles>; today?: PlainDate },
): Promise<number> {
  await seedCouncilMembers(database);
  const loaded = await loadForMunicipalities(database, options.files ?? readAgreementFiles(), loadAgreement);
  // The invented agreement is measured from the demo's cases once (a fresh start shows stored values); with `today`.
  if (options.today) {
    const invented = await database.adminTransaction((tx) =>
      tx.query<{ municipality_id: string; id: string }>(
        'select municipality_id, id from agreement where invented order by municipality_id, period_from',
      ),
    );
    for (const a of invented) await measureDemoAgreement(database, a.municipality_id, a.id, options.today);
  }
  return loaded;
}
