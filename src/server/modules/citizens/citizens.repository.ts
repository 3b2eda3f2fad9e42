import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { CitizenQuery } from '../../../shared/citizens/citizen-search.ts';
import type { DB } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

export type CitizenRow = {
  id: string;
  cpr: string;
  substitute_cpr: boolean;
  birth_date: string;
  first_name: string;
  last_name: string;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  version: number;
};

/** What a search looks for (shared/citizens/citizen-search.ts reads it from the typed text; name tokens folded). */
export type CitizenCriterion = CitizenQuery;

/** Above every character a name can continue with: `[t, t + PREFIX_END)` is "starts with t" in byte order. */
const PREFIX_END = '\u{10FFFF}';

function citizenWhere(criterion: CitizenCriterion) {
  return (eb: ExpressionBuilder<DB, 'citizen'>): Expression<SqlBool> => {
    switch (criterion.kind) {
      case 'cpr':
        return eb('cpr', '=', criterion.cpr);
      case 'birth':
        // No dates (a two-digit year whose both centuries lie ahead): nothing, rather than everyone.
        return criterion.dates.length ? eb('birth_date', 'in', criterion.dates) : sql<SqlBool>`false`;
      case 'cprPrefix':
        return eb.and([eb('cpr', '>=', `${criterion.ddmmyy}0000`), eb('cpr', '<=', `${criterion.ddmmyy}9999`)]);
      case 'name':
        return eb.and(
          criterion.tokens.map((token) => {
            const from = token;
            const to = `${from}${PREFIX_END}`;
            return eb.or([
              sql<SqlBool>`(search_first_name ~>=~ ${from} and search_first_name ~<~ ${to})`,
              sql<SqlBool>`(search_last_name ~>=~ ${from} and search_last_name ~<~ ${to})`,
            ]);
          }),
        );
    }
  };
}

/** The only SQL for citizens. Row-level security adds the municipality to every statement. */
export const citizensRepository = {
  /**
   * CPR: the unique index (municipality_id, cpr), exact or as a range for a substitute number's start (ddmmyy).
   * Birth date: citizen_birth_date_idx, one or two dates (real and substitute numbers alike).
   * Name: every token is a prefix of the first or the last name, as a range on the stored folded names
   * (citizen_search_first_name_idx, citizen_search_last_name_idx; fold_name, migration 0028). Not LIKE: under
   * row-level security only leakproof operators such as ~>=~ and ~<~ can use an index (migration 0002).
   */
  searchQuery(tx: Tx, criterion: CitizenCriterion) {
    return tx
      .selectFrom('citizen')
      .select(['id', 'cpr', 'substitute_cpr', 'birth_date', 'first_name', 'last_name', 'city'])
      .where(citizenWhere(criterion));
  },

  async search(tx: Tx, criterion: CitizenCriterion, limit: number, offset: number) {
    const where = citizenWhere(criterion);
    const items = await this.searchQuery(tx, criterion)
      .orderBy('last_name')
      .orderBy('first_name')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await tx
      .selectFrom('citizen')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow();
    return { items, total: total.n };
  },

  async byId(tx: Tx, id: string): Promise<CitizenRow | undefined> {
    return tx
      .selectFrom('citizen')
      .select([
        'id',
        'cpr',
        'substitute_cpr',
        'birth_date',
        'first_name',
        'last_name',
        'address',
        'postal_code',
        'city',
        'phone',
        'email',
        'version',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async byCpr(tx: Tx, cpr: string): Promise<{ id: string } | undefined> {
    return tx.selectFrom('citizen').select('id').where('cpr', '=', cpr).executeTakeFirst();
  },

  async existsByCpr(tx: Tx, cpr: string): Promise<boolean> {
    const row = await tx.selectFrom('citizen').select('id').where('cpr', '=', cpr).executeTakeFirst();
    return row !== undefined;
  },

  async insert(tx: Tx, row: Omit<CitizenRow, 'id' | 'version'> & { municipality_id: string }): Promise<string> {
    const r = await tx.insertInto('citizen').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  /** Optimistic locking: the update applies only if nobody changed the row since `version`. */
  async updateContact(
    tx: Tx,
    id: string,
    version: number,
    patch: Pick<CitizenRow, 'address' | 'postal_code' | 'city' | 'phone' | 'email'>,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('citizen')
      .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },
};
