import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
import type { Tx } from '../../platform/tx.ts';

/**
 * Citizens from an import (data-import checks the file): matched by CPR number within the municipality, so importing
 * the same file twice adds no one twice. A citizen who is already here keeps what Visitator has (contact details
 * are changed on the citizen's page, not overwritten by an old system's export).
 */
export type ImportedCitizen = {
  cpr: string;
  substitute: boolean;
  birthDate: string;
  firstName: string;
  lastName: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
};

/** CPR numbers a look-up statement takes: one array parameter (a list of 1,000 parameters cost a parse of each). */
const CHUNK = 10_000;

export const citizenImport = {
  /** The ids of the citizens with these CPR numbers (citizen unique (municipality_id, cpr)). */
  async idsByCpr(tx: Tx, municipalityId: string, cprs: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < cprs.length; i += CHUNK) {
      const rows = await tx
        .selectFrom('citizen')
        .select(['id', 'cpr'])
        .where('municipality_id', '=', municipalityId)
        .where(sql<boolean>`cpr = any(${cprs.slice(i, i + CHUNK)}::char(10)[])`)
        .execute();
      for (const r of rows) out.set(r.cpr, r.id);
    }
    return out;
  },

  /** Adds the citizens not here yet; answers every CPR number's citizen id and how many were added. */
  async addMissing(tx: Tx, municipalityId: string, citizens: readonly ImportedCitizen[]) {
    const ids = await citizenImport.idsByCpr(
      tx,
      municipalityId,
      citizens.map((c) => c.cpr),
    );
    const fresh = citizens.filter((c) => !ids.has(c.cpr));
    const rows = fresh.map((c) => {
      const id = randomUUID();
      ids.set(c.cpr, id);
      return {
        id,
        municipality_id: municipalityId,
        cpr: c.cpr,
        substitute_cpr: c.substitute,
        birth_date: c.birthDate,
        first_name: c.firstName,
        last_name: c.lastName,
        address: c.address,
        postal_code: c.postalCode,
        city: c.city,
        phone: c.phone,
        email: c.email,
      };
    });
    await bulkInsert(
      tx,
      'citizen',
      {
        id: 'uuid',
        municipality_id: 'uuid',
        cpr: 'text',
        substitute_cpr: 'boolean',
        birth_date: 'date',
        first_name: 'text',
        last_name: 'text',
        address: 'text',
        postal_code: 'text',
        city: 'text',
        phone: 'text',
        email: 'text',
      },
      rows,
      { referenced: true },
    );
    return { ids, added: fresh.length };
  },
};
