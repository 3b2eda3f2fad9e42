import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/**
 * Grants as the economy reads them: each order (bestilling) with the frame of the decision it carries out, its
 * offer, the case's citizen and caseworker. Read-only: the case flow owns and writes these tables; the economy
 * prices them. One query per use, for every grant of the municipality that runs in a period (no N+1).
 */
export type GrantRow = {
  order_id: string;
  case_id: string;
  offer_id: string;
  citizen_id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  legal_basis: string;
  weekly_hours: string | null;
  module_days: number | null;
  profile_code: string | null;
  start: string;
  ends_on: string | null;
  time_limit_until: string | null;
  caseworker_unit_id: string | null;
  service_description_version_id: string;
  /** Retssikkerhedsloven § 9 c: another paying municipality (null: the case's own). */
  paying_municipality_code: string | null;
  paying_municipality_name: string | null;
};

function grantsQuery(tx: Tx, municipalityId: string) {
  return tx
    .selectFrom('case_order as o')
    .innerJoin('decision as d', (j) => j.onRef('d.municipality_id', '=', 'o.municipality_id').onRef('d.id', '=', 'o.decision_id'))
    .innerJoin('case_file as c', (j) => j.onRef('c.municipality_id', '=', 'o.municipality_id').onRef('c.id', '=', 'o.case_id'))
    .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'c.municipality_id').onRef('z.id', '=', 'c.citizen_id'))
    .leftJoin('app_user as w', (j) =>
      j.onRef('w.municipality_id', '=', 'c.municipality_id').onRef('w.id', '=', 'c.caseworker_id'),
    )
    .select([
      'o.id as order_id',
      'o.case_id',
      'o.offer_id',
      'c.citizen_id',
      'z.first_name',
      'z.last_name',
      'z.birth_date',
      'd.legal_basis',
      'd.weekly_hours',
      'd.module_days',
      'd.profile_code',
      sql<string>`coalesce(o.actual_start, d.start_date, o.ordered_on)`.as('start'),
      'o.ends_on',
      'd.time_limit_until',
      'w.unit_id as caseworker_unit_id',
      'd.service_description_version_id',
      'c.paying_municipality_code',
      'c.paying_municipality_name',
    ])
    .where('o.municipality_id', '=', municipalityId);
}

export const grantsRepository = {
  /**
   * Every grant that may run in [from, to]: not ended before `from` (case_order_pkey by municipality, ended ones filtered) and started by `to`.
   * Planned ends inside the period are the rules' business (grant-period.ts).
   */
  async running(tx: Tx, municipalityId: string, from: string, to: string): Promise<GrantRow[]> {
    return grantsQuery(tx, municipalityId)
      .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', from)]))
      .where(sql<boolean>`coalesce(o.actual_start, d.start_date, o.ordered_on) <= ${to}`)
      .execute() as Promise<GrantRow[]>;
  },

  /** The running grants decided under any version of one service description (the what-if of its draft). */
  async runningUnder(tx: Tx, municipalityId: string, descriptionId: string, on: string): Promise<GrantRow[]> {
    return grantsQuery(tx, municipalityId)
      .innerJoin('service_description_version as v', (j) =>
        j.onRef('v.municipality_id', '=', 'd.municipality_id').onRef('v.id', '=', 'd.service_description_version_id'),
      )
      .where('v.service_description_id', '=', descriptionId)
      .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', on)]))
      .where(sql<boolean>`coalesce(o.actual_start, d.start_date, o.ordered_on) <= ${on}`)
      .execute() as Promise<GrantRow[]>;
  },

  /** A service description's versions (service_description_version_in_force_idx), for the what-if of its draft. */
  async descriptionOfVersion(tx: Tx, municipalityId: string, versionId: string) {
    return tx
      .selectFrom('service_description_version as v')
      .innerJoin('service_description as d', (j) =>
        j.onRef('d.municipality_id', '=', 'v.municipality_id').onRef('d.id', '=', 'v.service_description_id'),
      )
      .select(['d.id', 'd.title', 'd.legal_basis', 'v.status', 'v.number', 'v.content'])
      .where('v.municipality_id', '=', municipalityId)
      .where('v.id', '=', versionId)
      .executeTakeFirst();
  },

  async versionsOf(tx: Tx, municipalityId: string, descriptionId: string) {
    return tx
      .selectFrom('service_description_version')
      .select(['id', 'number', 'status', 'in_force_from', 'content'])
      .where('municipality_id', '=', municipalityId)
      .where('service_description_id', '=', descriptionId)
      .orderBy('number')
      .execute();
  },

  /** Open drafts of the municipality's service levels (service_description_version_one_draft_idx). */
  async drafts(tx: Tx, municipalityId: string) {
    return tx
      .selectFrom('service_description_version as v')
      .innerJoin('service_description as d', (j) =>
        j.onRef('d.municipality_id', '=', 'v.municipality_id').onRef('d.id', '=', 'v.service_description_id'),
      )
      .select(['v.id', 'v.number', 'd.id as description_id', 'd.title', 'd.legal_basis'])
      .where('v.municipality_id', '=', municipalityId)
      .where('v.status', '=', 'draft')
      .where('d.kind', '=', 'service_level')
      .orderBy('d.title')
      .execute();
  },

  /** The approved versions of the municipality's service levels for a legal basis (service_description_legal_basis_idx). */
  async approvedVersionsFor(tx: Tx, municipalityId: string, legalBasis: string) {
    return tx
      .selectFrom('service_description_version as v')
      .innerJoin('service_description as d', (j) =>
        j.onRef('d.municipality_id', '=', 'v.municipality_id').onRef('d.id', '=', 'v.service_description_id'),
      )
      .select(['v.id', 'v.number', 'v.status', 'v.in_force_from', 'v.content'])
      .where('d.legal_basis', '=', legalBasis)
      .where('d.municipality_id', '=', municipalityId)
      .where('d.kind', '=', 'service_level')
      .where('v.status', '=', 'approved')
      .execute();
  },

  /** The municipality's units (a few dozen), for names and the authority the grants' lines fall on. */
  async units(tx: Tx, municipalityId: string) {
    return tx
      .selectFrom('org_unit')
      .select(['id', 'name', 'kind', 'parent_id'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('name')
      .execute();
  },
};
