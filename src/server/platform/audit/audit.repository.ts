import { type Selectable, sql } from 'kysely';
import type { AppSchema } from '../db/schema.ts';
import type { Tx } from '../tx.ts';

type AuditLogTable = AppSchema['audit_log'];

export type AuditRow = Selectable<AuditLogTable>;

/** A chain's newest entry: what an anchor records. */
export type ChainHead = { municipality_id: string; chain_seq: number; hash: string; id: number; occurred_at: Date };

export const auditRepository = {
  /**
   * Appends entries to a chain in order: audit_append (migration 0025) takes the chain's advisory lock (held until
   * commit, so each entry sees its true predecessor), reads the head, and inserts each entry linked and numbered.
   * `contents[i]` is what entry i's hash covers (audit-chain.ts entryContent). Returns the ids in order.
   */
  async append(tx: Tx, chain: string, entries: Record<string, unknown>[], contents: string[]): Promise<number[]> {
    const r = await sql<{ id: number }>`
      select id from audit_append(${chain}, ${JSON.stringify(entries)}::jsonb, ${contents}::text[])`.execute(tx);
    return r.rows.map((x) => Number(x.id));
  },

  /** The chain's newest entry (audit_log_chain_seq_idx, backwards, one row). */
  async head(tx: Tx, municipalityId: string): Promise<ChainHead | undefined> {
    const r = await sql<ChainHead>`
      select municipality_id, chain_seq, hash, id, occurred_at from audit_log
      where municipality_id = ${municipalityId} order by chain_seq desc limit 1`.execute(tx);
    return r.rows[0];
  },

  /** Every chain's head: one index probe per municipality, the system chain's included (run as the owner). */
  async heads(tx: Tx): Promise<ChainHead[]> {
    const r = await sql<ChainHead>`
      select h.* from municipality m
      cross join lateral (
        select municipality_id, chain_seq, hash, id, occurred_at from audit_log a
        where a.municipality_id = m.id order by chain_seq desc limit 1
      ) h`.execute(tx);
    return r.rows;
  },

  /** The chains there could be: every municipality's, the system chain's included (its reserved municipality row). */
  async chains(tx: Tx): Promise<string[]> {
    const rows = await tx.selectFrom('municipality').select('id').orderBy('id').execute();
    return rows.map((r) => r.id);
  },

  /** One page of a chain in order, after position `afterSeq` (audit_log_chain_seq_idx). */
  async chainPage(tx: Tx, municipalityId: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
    const r = await sql<AuditRow>`
      select * from audit_log where municipality_id = ${municipalityId} and chain_seq > ${afterSeq}
      order by chain_seq limit ${limit}`.execute(tx);
    return r.rows;
  },

  /** A citizen's access log, newest first (audit_log_citizen_idx). */
  async pageForCitizen(tx: Tx, citizenId: string, limit: number, offset: number) {
    const base = tx.selectFrom('audit_log').where('citizen_id', '=', citizenId);
    const rows = await base.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows: rows as AuditRow[], total: total.n };
  },
};
