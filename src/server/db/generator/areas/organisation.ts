import { deadlineRulesFor } from '../../../../rules/deadlines/deadline-rules.ts';
import { catalogueContentSchema } from '../../../../shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import type { AdminTx } from '../../../platform/db/database.ts';
import { DEMO_MUNICIPALITIES, DEMO_STAFF, type DemoUnit } from '../../seed/demo-organisation.ts';
import { stableUuid } from '../../seed/deterministic.ts';
import { type Actor, type Generation, idSequences, type Municipality, type OfferRef } from '../context.ts';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from '../names.ts';
import { Rng } from '../random.ts';
import type { MunicipalityLoad } from '../sizes.ts';
import { instantAt } from '../time.ts';

function flattenUnits(units: DemoUnit[], parentKey: string | null, out: { unit: DemoUnit; parentKey: string | null }[] = []) {
  for (const unit of units) {
    out.push({ unit, parentKey });
    if (unit.children) flattenUnits(unit.children, unit.key, out);
  }
  return out;
}

async function insert(tx: AdminTx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0] as Record<string, unknown>);
  for (let start = 0; start < rows.length; start += 200) {
    const params: unknown[] = [];
    const values = rows.slice(start, start + 200).map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
    await tx.query(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`, params);
  }
}

/**
 * The demo municipalities with their organisation (centers, departments, offers as the seeds name them) and the
 * named demo staff, who appear on the demo log-in page. A municipality already present is left as it is. Returns the
 * codes it created.
 */
export async function createDemoOrganisation(tx: AdminTx, createdAt: string): Promise<string[]> {
  const existing = await tx.query<{ code: string }>('select code from municipality');
  const present = new Set(existing.map((r) => r.code));
  const created: string[] = [];
  for (const m of DEMO_MUNICIPALITIES) {
    if (present.has(m.code)) continue;
    created.push(m.code);
    const municipalityId = stableUuid(`municipality:${m.code}`);
    await insert(tx, 'municipality', [
      {
        id: municipalityId,
        code: m.code,
        name: m.name,
        address: m.address,
        phone: m.phone,
        email: m.email,
        created_at: createdAt,
      },
    ]);
    const unitId = (key: string) => stableUuid(`unit:${m.code}:${key}`);
    await insert(
      tx,
      'org_unit',
      flattenUnits(m.units, null).map(({ unit, parentKey }) => ({
        id: unitId(unit.key),
        municipality_id: municipalityId,
        parent_id: parentKey ? unitId(parentKey) : null,
        kind: unit.kind,
        name: unit.name,
        created_at: createdAt,
      })),
    );
    const staff = DEMO_STAFF.filter((s) => s.municipality === m.code);
    await insert(
      tx,
      'app_user',
      staff.map((s) => ({
        id: stableUuid(`user:${m.code}:${s.name}`),
        municipality_id: municipalityId,
        name: s.name,
        role: s.role,
        unit_id: unitId(s.unit),
        citizen_id: null,
        oidc_subject: `demo-${m.code}-${s.name.toLowerCase().replace(/[^a-zæøå]+/g, '-')}`,
        is_demo: true,
        created_at: createdAt,
      })),
    );
    await insert(
      tx,
      'app_user_offer',
      staff.flatMap((s) =>
        (s.offers ?? []).map((o) => ({
          municipality_id: municipalityId,
          user_id: stableUuid(`user:${m.code}:${s.name}`),
          unit_id: unitId(o),
        })),
      ),
    );
  }
  return created;
}

/**
 * A municipality as the generator works with it: its letterhead, deadline rules, staff by role, offers with the
 * provider staff bound to them, and the service-level versions decisions are made under, read from the database.
 */
export async function loadMunicipality(
  tx: AdminTx,
  code: string,
  load: MunicipalityLoad,
  seedKey: string,
): Promise<Municipality> {
  const [row] = await tx.query<{ id: string; name: string; address: string | null; phone: string | null; email: string | null }>(
    'select id, name, address, phone, email from municipality where code = $1',
    [code],
  );
  if (!row) throw new Error(`generator: municipality ${code} is missing`);
  const users = await tx.query<{
    id: string;
    name: string;
    role: Actor['role'];
    unit_id: string | null;
    unit_name: string | null;
    is_demo: boolean;
  }>(
    `select u.id, u.name, u.role, u.unit_id, o.name as unit_name, u.is_demo
       from app_user u left join org_unit o on o.id = u.unit_id
      where u.municipality_id = $1 and u.role <> 'citizen' and u.active order by u.is_demo desc, u.name, u.id`,
    [row.id],
  );
  const actor = (u: (typeof users)[number]): Actor => ({
    userId: u.id,
    name: u.name,
    role: u.role,
    unitId: u.unit_id,
    unitName: u.unit_name,
    demo: u.is_demo,
  });
  const bindings = await tx.query<{ user_id: string; unit_id: string }>(
    'select user_id, unit_id from app_user_offer where municipality_id = $1 order by user_id, unit_id',
    [row.id],
  );
  const offers = await tx.query<{ id: string; key: string; name: string; org_unit_id: string | null; legal_bases: string[] }>(
    'select id, key, name, org_unit_id, legal_bases from offer where municipality_id = $1 order by key',
    [row.id],
  );
  const actors = new Map(users.map((u) => [u.id, actor(u)]));
  const offerRefs: OfferRef[] = offers.map((o) => ({
    id: o.id,
    key: o.key,
    name: o.name,
    unitId: o.org_unit_id,
    legalBases: o.legal_bases,
    staff: bindings
      .filter((b) => b.unit_id === o.org_unit_id)
      .map((b) => actors.get(b.user_id))
      .filter((a): a is Actor => a !== undefined),
  }));
  const versions = await tx.query<{
    id: string;
    description_id: string;
    title: string;
    legal_basis: string;
    number: number;
    in_force_from: string;
    content: unknown;
  }>(
    `select v.id, d.id as description_id, d.title, d.legal_basis, v.number, v.in_force_from::text as in_force_from, v.content
       from service_description_version v join service_description d on d.id = v.service_description_id
      where v.municipality_id = $1 and v.status = 'approved' order by d.key, v.number`,
    [row.id],
  );
  const staff = [...actors.values()];
  return {
    id: row.id,
    code,
    name: row.name,
    letterhead: { name: row.name, address: row.address, phone: row.phone, email: row.email },
    rules: deadlineRulesFor(code),
    load,
    caseworkers: staff.filter((a) => a.role === 'caseworker'),
    teamLeaders: staff.filter((a) => a.role === 'team_leader'),
    administrators: staff.filter((a) => a.role === 'administrator'),
    offers: offerRefs,
    versions: versions.map((v) => ({
      id: v.id,
      descriptionId: v.description_id,
      title: v.title,
      legalBasis: v.legal_basis,
      number: v.number,
      inForceFrom: v.in_force_from as PlainDate,
      bands: catalogueContentSchema.parse(v.content).profileBands,
    })),
    citizens: [],
    historyStart: '' as PlainDate,
    ids: idSequences(`${seedKey}:${code}`),
  };
}

function personName(rng: Rng): string {
  const first = rng.pick(rng.chance(0.5) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  return `${first} ${rng.weighted(LAST_NAMES)}`;
}

/**
 * Staff the named demo staff do not cover: provider staff at every offer with its own unit (so every FKO status and
 * journal entry has an author who could log in), and, for the benchmark sizes, enough caseworkers that each carries a
 * realistic load. Not demo users: they do not appear on the log-in page.
 */
export function generateStaff(g: Generation, m: Municipality): void {
  const rng = Rng.of(g.size.name, m.code, 'staff');
  const ids = m.ids('app_user');
  const add = (role: Actor['role'], unitId: string | null, unitName: string | null): Actor => {
    const name = personName(rng);
    const a: Actor = { userId: ids.next(), name, role, unitId, unitName, demo: false };
    g.writer.add('app_user', {
      id: a.userId,
      municipality_id: m.id,
      name,
      role,
      unit_id: unitId,
      citizen_id: null,
      oidc_subject: `generated-${m.code}-${a.userId}`,
      is_demo: false,
      created_at: instantAt(g.historyStart, 8 * 60).toISOString(),
    });
    return a;
  };
  for (const offer of m.offers) {
    if (offer.unitId === null || offer.staff.length) continue;
    const count = g.size.casesPerCaseworker ? 3 : rng.int(1, 2);
    for (let i = 0; i < count; i++) {
      const a = add('provider_staff', offer.unitId, offer.name);
      g.writer.add('app_user_offer', { municipality_id: m.id, user_id: a.userId, unit_id: offer.unitId });
      offer.staff.push(a);
    }
  }
  const perCaseworker = g.size.casesPerCaseworker;
  if (perCaseworker) {
    const authority = m.caseworkers[0] ?? m.teamLeaders[0];
    const wanted = Math.ceil(m.load.cases / perCaseworker);
    while (m.caseworkers.length < wanted) {
      m.caseworkers.push(add('caseworker', authority?.unitId ?? null, authority?.unitName ?? null));
    }
  }
}
