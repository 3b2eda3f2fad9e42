import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/** The only SQL that writes the assessment (VUM) and its themes; and the catalogue read the proposal needs. */
export const assessmentRepository = {
  async assessmentOf(tx: Tx, caseId: string) {
    return tx
      .selectFrom('assessment')
      .select(['id', 'support_need_code', 'version'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  },

  async insertAssessment(tx: Tx, row: { municipality_id: string; case_id: string }): Promise<string> {
    return (await tx.insertInto('assessment').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async themes(tx: Tx, assessmentId: string) {
    return tx
      .selectFrom('assessment_theme')
      .select(['theme_code', 'level_code', 'wishes', 'informant_code', 'notes'])
      .where('assessment_id', '=', assessmentId)
      .execute();
  },

  /** Optimistic locking on the assessment; the themes are replaced as a whole in the same transaction. */
  async save(
    tx: Tx,
    a: { id: string; municipalityId: string; version: number; supportNeedCode: string | null },
    themes: {
      theme_code: string;
      level_code: string | null;
      wishes: string | null;
      informant_code: string | null;
      notes: string | null;
    }[],
  ): Promise<boolean> {
    const r = await tx
      .updateTable('assessment')
      .set({ support_need_code: a.supportNeedCode, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', a.id)
      .where('version', '=', a.version)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) return false;
    await tx.deleteFrom('assessment_theme').where('assessment_id', '=', a.id).execute();
    if (themes.length) {
      await tx
        .insertInto('assessment_theme')
        .values(themes.map((t) => ({ ...t, assessment_id: a.id, municipality_id: a.municipalityId })))
        .execute();
    }
    return true;
  },

  /** The descriptions of the municipality with their versions, for the proposal (service_description_legal_basis_idx). */
  async serviceCandidates(tx: Tx, municipalityId: string) {
    return tx
      .selectFrom('service_description as s')
      .innerJoin('service_description_version as v', 'v.service_description_id', 's.id')
      .select([
        's.id as description_id',
        's.title',
        's.legal_basis',
        'v.id',
        'v.number',
        'v.status',
        'v.in_force_from',
        'v.content',
      ])
      .where('s.municipality_id', '=', municipalityId)
      .orderBy('s.legal_basis')
      .orderBy('v.number')
      .limit(2000)
      .execute();
  },
};
