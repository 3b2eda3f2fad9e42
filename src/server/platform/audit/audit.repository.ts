import { type Selectable, sql } from 'kysely';
import { atCommit, sqlLiteral } from '../db/at-commit.ts';
import type { AppSchema } from '../db/schema.ts';
import type { Tx } from '../tx.ts';

type AuditLogTable = AppSchema['audit_log'];

export type AuditRow = Selectable<AuditLogTable>;

/** A chain's newest entry: what an anchor records. */
export type ChainHead = { municipality_id: string; chain_seq: number; hash: string; id: number; occurred_at: Date };

export const auditRepository = {
  /**
   * Appends entries to a chain in order, with the transaction's commit (platform/db/at-commit.ts, ADR 0007):
   * audit_append (migrations 0025, 0034) takes the chain's advisory lock (held until commit, so each entry sees its
   * true predecessor), reads the head, and inserts each entry linked and numbered. Sent in the commit's own message,
   * the lock is held for the append and the commit and never across a round trip to Node. `contents[i]` is what
   * entry i's hash covers (audit-chain.ts entryContent). The values go as literals (the commit's message is a
   * simple query, which takes no parameters); the contents as one JSON array, unpacked in order.
   */
  async appendAtCommit(tx: Tx, chain: string, entries: Record<string, unknown>[], contents: string[]): Promise<void> {
    await atCommit(
      tx,
      `select count(*) from audit_append(${sqlLiteral(chain)}, ${sqlLiteral(JSON.stringify(entries))}::jsonb, ` +
        `array(select c from jsonb_array_elements_text(${sqlLiteral(JSON.stringify(contents))}::jsonb) ` +
        'with ordinality as t(c, n) order by n))',
    );
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

  /**
   * A citizen's log as visits, newest first: one actor's consecutive entries with no pause longer than `gapMinutes`
   * make one visit, with what was done and what was read (rules/audit/access-visits.ts). Paged over visits; the
   * citizen's entries come from audit_log_citizen_idx.
   */
  async visitsForCitizen(tx: Tx, citizenId: string, gapMinutes: number, limit: number, offset: number) {
    const r = await sql<{
      id: number;
      started_at: Date;
      ended_at: Date;
      actor_user_id: string | null;
      actor_role: string | null;
      unit: string | null;
      purpose: string | null;
      actions: string[];
      record_types: string[] | null;
      order_ids: string[] | null;
      entries: number;
      total: number;
    }>`
      with entries as (
        select id, occurred_at, action, purpose, actor_user_id, actor_role, actor_unit_name, record_type, record_id,
               coalesce(actor_user_id::text, actor_role, '') as who,
               case when occurred_at - lag(occurred_at) over (partition by coalesce(actor_user_id::text, actor_role, '') order by id)
                         <= make_interval(mins => ${gapMinutes}) then 0 else 1 end as starts
        from audit_log where citizen_id = ${citizenId}
      ), numbered as (
        select *, sum(starts) over (partition by who order by id) as visit from entries
      )
      select max(id) as id, min(occurred_at) as started_at, max(occurred_at) as ended_at,
             (array_agg(actor_user_id order by id desc))[1] as actor_user_id,
             (array_agg(actor_role order by id desc))[1] as actor_role,
             (array_agg(actor_unit_name order by id desc))[1] as unit,
             (array_agg(purpose order by id desc))[1] as purpose,
             array_agg(distinct action) as actions,
             array_agg(distinct record_type) filter (where record_type is not null) as record_types,
             array_agg(distinct record_id) filter (where record_type in ('order', 'delivered_hours')) as order_ids,
             count(*)::int as entries,
             (count(*) over ())::int as total
      from numbered group by who, visit
      order by max(id) desc limit ${limit} offset ${offset}`.execute(tx);
    return { visits: r.rows, total: r.rows[0]?.total ?? 0 };
  },
};
