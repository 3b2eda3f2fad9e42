import { type Insertable, type Selectable, sql } from 'kysely';
import type { CitizenPayment, PlaceSale, WaitingListEntry } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

export type PlaceSaleRow = Selectable<PlaceSale> & { offer_name: string };
export type WaitingRow = Selectable<WaitingListEntry> & {
  first_name: string;
  last_name: string;
  offer_name: string | null;
  offered_offer_name: string | null;
};

/** The only SQL of place sales, recorded self-payments and the waiting list. */
export const capacityRepository = {
  /** Stays at the municipality's offers in a period: orders (case_order_pkey by municipality, ended ones filtered), one row each. */
  async orderStays(tx: Tx, municipalityId: string, from: string, to: string) {
    return tx
      .selectFrom('case_order as o')
      .innerJoin('decision as d', (j) =>
        j.onRef('d.municipality_id', '=', 'o.municipality_id').onRef('d.id', '=', 'o.decision_id'),
      )
      .select(['o.offer_id', sql<string>`coalesce(o.actual_start, d.start_date, o.ordered_on)`.as('from'), 'o.ends_on as to'])
      .where('o.municipality_id', '=', municipalityId)
      .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', from)]))
      .where(sql<boolean>`coalesce(o.actual_start, d.start_date, o.ordered_on) <= ${to}`)
      .execute();
  },

  /** Places sold in a period (place_sale_offer_idx). */
  async sales(tx: Tx, municipalityId: string, from: string, to: string): Promise<PlaceSaleRow[]> {
    return tx
      .selectFrom('place_sale as s')
      .innerJoin('offer as o', (j) => j.onRef('o.municipality_id', '=', 's.municipality_id').onRef('o.id', '=', 's.offer_id'))
      .selectAll('s')
      .select('o.name as offer_name')
      .where('s.municipality_id', '=', municipalityId)
      .where((eb) => eb.or([eb('s.to_date', 'is', null), eb('s.to_date', '>=', from)]))
      .where('s.from_date', '<=', to)
      .orderBy('s.from_date', 'desc')
      .execute();
  },

  async insertSale(
    tx: Tx,
    municipalityId: string,
    row: Omit<Insertable<PlaceSale>, 'id' | 'municipality_id' | 'invented' | 'created_at' | 'version'>,
  ) {
    const r = await tx
      .insertInto('place_sale')
      .values({ ...row, municipality_id: municipalityId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async payments(tx: Tx, municipalityId: string, from: string, to: string): Promise<Selectable<CitizenPayment>[]> {
    return tx
      .selectFrom('citizen_payment')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', from)]))
      .where('from_date', '<=', to)
      .execute();
  },

  async insertPayment(
    tx: Tx,
    municipalityId: string,
    row: Omit<Insertable<CitizenPayment>, 'id' | 'municipality_id' | 'created_at'>,
  ): Promise<string> {
    const r = await tx
      .insertInto('citizen_payment')
      .values({ ...row, municipality_id: municipalityId, basis: JSON.stringify(row.basis) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Open entries count per offer and offer type (waiting_list_status_idx). */
  async waitingCounts(tx: Tx, municipalityId: string) {
    const rows = await tx
      .selectFrom('waiting_list_entry')
      .select(['offer_id', 'legal_basis', sql<number>`count(*)::int`.as('n')])
      .where('municipality_id', '=', municipalityId)
      .where('status', 'in', ['waiting', 'offered'])
      .groupBy(['offer_id', 'legal_basis'])
      .execute();
    return rows;
  },

  /** Accepted places not yet started: they hold a place from their start (reserved). */
  async reservations(tx: Tx, municipalityId: string, on: string) {
    return tx
      .selectFrom('waiting_list_entry')
      .select(['offered_offer_id', 'start_on'])
      .where('municipality_id', '=', municipalityId)
      .where('status', '=', 'accepted')
      .where('start_on', '>', on)
      .execute();
  },

  async waitingPage(
    tx: Tx,
    municipalityId: string,
    f: { status: 'open' | 'closed' | 'all'; legalBasis?: string; offerId?: string },
    limit: number,
    offset: number,
  ): Promise<{ items: WaitingRow[]; total: number }> {
    const base = tx
      .selectFrom('waiting_list_entry as e')
      .innerJoin('citizen as z', (j) => j.onRef('z.municipality_id', '=', 'e.municipality_id').onRef('z.id', '=', 'e.citizen_id'))
      .leftJoin('offer as o', (j) => j.onRef('o.municipality_id', '=', 'e.municipality_id').onRef('o.id', '=', 'e.offer_id'))
      .leftJoin('offer as oo', (j) =>
        j.onRef('oo.municipality_id', '=', 'e.municipality_id').onRef('oo.id', '=', 'e.offered_offer_id'),
      )
      .where('e.municipality_id', '=', municipalityId)
      .where((eb) => {
        const parts = [];
        if (f.status === 'open') parts.push(eb('e.status', 'in', ['waiting', 'offered'] as const));
        if (f.status === 'closed') parts.push(eb('e.status', 'in', ['accepted', 'withdrawn'] as const));
        if (f.legalBasis) parts.push(eb('e.legal_basis', '=', f.legalBasis));
        if (f.offerId) parts.push(eb.or([eb('e.offer_id', '=', f.offerId), eb('e.offered_offer_id', '=', f.offerId)]));
        return eb.and(parts);
      });
    const items = await base
      .selectAll('e')
      .select(['z.first_name', 'z.last_name', 'o.name as offer_name', 'oo.name as offered_offer_name'])
      .orderBy('e.priority')
      .orderBy('e.needed_from')
      .orderBy('e.decided_on')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    return { items, total: total.n };
  },

  /** For the statistics of a list: every entry's dates and status (small: hundreds). */
  async waitingForStats(tx: Tx, municipalityId: string, f: { legalBasis?: string; offerId?: string }) {
    return tx
      .selectFrom('waiting_list_entry')
      .select(['status', 'priority', 'decided_on', 'needed_from', 'closed_on'])
      .where('municipality_id', '=', municipalityId)
      .where((eb) => {
        const parts = [];
        if (f.legalBasis) parts.push(eb('legal_basis', '=', f.legalBasis));
        if (f.offerId) parts.push(eb.or([eb('offer_id', '=', f.offerId), eb('offered_offer_id', '=', f.offerId)]));
        return eb.and(parts);
      })
      .execute();
  },

  async waitingById(tx: Tx, municipalityId: string, id: string) {
    return tx
      .selectFrom('waiting_list_entry')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertWaiting(
    tx: Tx,
    municipalityId: string,
    row: Pick<
      WaitingListEntry,
      | 'citizen_id'
      | 'case_id'
      | 'legal_basis'
      | 'offer_id'
      | 'decided_on'
      | 'needed_from'
      | 'priority'
      | 'note'
      | 'created_by_name'
    >,
  ): Promise<string> {
    const r = await tx
      .insertInto('waiting_list_entry')
      .values({ ...row, municipality_id: municipalityId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async updateWaiting(
    tx: Tx,
    municipalityId: string,
    id: string,
    version: number,
    set: Partial<
      Pick<WaitingListEntry, 'priority' | 'offered_offer_id' | 'offered_on' | 'answer_by' | 'start_on' | 'closed_on' | 'note'> & {
        status: 'waiting' | 'offered' | 'accepted' | 'withdrawn';
        declines: number;
      }
    >,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('waiting_list_entry')
      .set({ ...set, version: sql`version + 1` })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  async insertWaitingEvent(
    tx: Tx,
    municipalityId: string,
    e: {
      entry_id: string;
      kind: 'entered' | 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'reprioritised';
      occurred_on: string;
      offer_id: string | null;
      note: string | null;
      actor_name: string;
    },
  ): Promise<void> {
    await tx
      .insertInto('waiting_list_event')
      .values({ ...e, municipality_id: municipalityId })
      .execute();
  },

  async citizen(tx: Tx, municipalityId: string, id: string) {
    return tx
      .selectFrom('citizen')
      .select(['id', 'first_name', 'last_name'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async caseOfCitizen(tx: Tx, municipalityId: string, caseId: string) {
    return tx
      .selectFrom('case_file')
      .select(['id', 'citizen_id'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', caseId)
      .executeTakeFirst();
  },
};
