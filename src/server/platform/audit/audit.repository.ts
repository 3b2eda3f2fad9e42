import { type Insertable, type Selectable, sql } from 'kysely';
import type { AppSchema } from '../db/schema.ts';
import type { Tx } from '../tx.ts';

type AuditLogTable = AppSchema['audit_log'];

/** Lock key space for the per-municipality chain (pg_advisory_xact_lock(int, int)). */
const AUDIT_LOCK_SPACE = 7341;

export type AuditRow = Selectable<AuditLogTable>;

export const auditRepository = {
  /** Serialises writers of one chain until commit, so each entry sees its true predecessor. */
  async lockChain(tx: Tx, municipalityId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_SPACE}, hashtext(${municipalityId}))`.execute(tx);
  },

  /** The newest entry of a chain (audit_log_pkey: municipality_id, id). */
  async lastHash(tx: Tx, municipalityId: string): Promise<string | undefined> {
    const row = await tx
      .selectFrom('audit_log')
      .select('hash')
      .where('municipality_id', '=', municipalityId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.hash;
  },

  /** `details` is any JSON-serialisable value; it is stored as jsonb. */
  async insert(tx: Tx, row: Omit<Insertable<AuditLogTable>, 'id' | 'details'> & { details: unknown }): Promise<number> {
    const r = await tx
      .insertInto('audit_log')
      .values({ ...row, details: row.details === null || row.details === undefined ? null : JSON.stringify(row.details) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** One page of the whole log in chain order (audit_log_pkey: municipality, then id; the system chain sorts first). */
  async chainPage(tx: Tx, after: { municipalityId: string; id: number } | null, limit: number): Promise<AuditRow[]> {
    let q = tx.selectFrom('audit_log').selectAll();
    if (after) {
      q = q.where((eb) => eb(eb.refTuple('municipality_id', 'id'), '>', eb.tuple(after.municipalityId, after.id)));
    }
    const rows = await q.orderBy('municipality_id').orderBy('id').limit(limit).execute();
    return rows as AuditRow[];
  },

  /** A citizen's access log, newest first (audit_log_citizen_idx). */
  async pageForCitizen(tx: Tx, citizenId: string, limit: number, offset: number) {
    const base = tx.selectFrom('audit_log').where('citizen_id', '=', citizenId);
    const rows = await base.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows: rows as AuditRow[], total: total.n };
  },
};
