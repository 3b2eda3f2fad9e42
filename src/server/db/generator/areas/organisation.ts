import { DEFAULT_JOURNAL_FORMAT, formatJournalNumber, journalFormatProblem } from '../../../../rules/cases/journal-number.ts';
import { deadlineRulesFor } from '../../../../rules/deadlines/deadline-rules.ts';
import { catalogueContentSchema } from '../../../../shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import type { AdminTx } from '../../../platform/db/database.ts';
import { DEMO_MUNICIPALITIES, DEMO_STAFF, type DemoUnit } from '../../seed/demo-organisation.ts';
import { stableUuid } from '../../seed/deterministic.ts';
import { type Actor, type Generation, idSequences, type Municipality, type OfferRef } from '../context.ts';
import { DANISH_MUNICIPALITIES, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from '../names.ts';
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
  // The journal-number format came with migration 0014; the tenant-keys upgrade test loads the demo into a database
  // at 0011, which has no such column (the municipality then keeps the migration's default format).
  const hasJournalFormat =
    (
      await tx.query(
        `select 1 from information_schema.columns
         where table_schema = 'public' and table_name = 'municipality' and column_name = 'journal_number_format'`,
      )
    ).length > 0;
  const created: string[] = [];
  for (const m of DEMO_MUNICIPALITIES) {
    if (present.has(m.code)) continue;
    created.push(m.code);
    const municipalityId = stableUuid(`municipality:${m.code}`);
    const formatProblem = journalFormatProblem(m.journalNumberFormat);
    if (formatProblem) throw new Error(`${m.name}: journal-number format ${m.journalNumberFormat}: ${formatProblem}`);
    await insert(tx, 'municipality', [
      {
        id: municipalityId,
        code: m.code,
        name: m.name,
        address: m.address,
        phone: m.phone,
        email: m.email,
        ...(hasJournalFormat ? { journal_number_format: m.journalNumberFormat } : {}),
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
  const journal = await journalNumbering(tx, row.id);
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
    nextJournalNumber: journal,
    rules: deadlineRulesFor(code),
    load,
    caseworkers: staff.filter((a) => a.role === 'caseworker'),
    teamLeaders: staff.filter((a) => a.role === 'team_leader'),
    administrators: staff.filter((a) => a.role === 'administrator'),
    offers: offerRefs,
    versions: versions.map((v) => {
      const content = catalogueContentSchema.parse(v.content);
      return {
        id: v.id,
        descriptionId: v.description_id,
        title: v.title,
        legalBasis: v.legal_basis,
        number: v.number,
        inForceFrom: v.in_force_from as PlainDate,
        bands: content.profileBands,
        complaints: content.complaints,
      };
    }),
    citizens: [],
    historyStart: '' as PlainDate,
    ids: idSequences(`${seedKey}:${code}`),
  };
}

/**
 * The journal numbers the database will assign to this municipality's next cases, per year: its format and its
 * counters as migration 0014 keeps them (a database before 0014 has neither: the default format, from 1).
 */
async function journalNumbering(tx: AdminTx, municipalityId: string): Promise<(year: number) => string> {
  const [schema] = await tx.query<{ numbered: boolean }>(
    `select exists (select 1 from information_schema.columns
                     where table_schema = 'public' and table_name = 'municipality' and column_name = 'journal_number_format')
            as numbered`,
  );
  let format = DEFAULT_JOURNAL_FORMAT;
  const last = new Map<number, number>();
  if (schema?.numbered) {
    const [m] = await tx.query<{ format: string }>('select journal_number_format as format from municipality where id = $1', [
      municipalityId,
    ]);
    format = m?.format ?? format;
    const counters = await tx.query<{ year: number; last_seq: number }>(
      'select year, last_seq from journal_number_counter where municipality_id = $1',
      [municipalityId],
    );
    for (const c of counters) last.set(c.year, c.last_seq);
  }
  return (year) => {
    const seq = (last.get(year) ?? 0) + 1;
    last.set(year, seq);
    return formatJournalNumber(format, seq, year);
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

/**
 * The other municipalities of the national size: each with an authority, a center and three offers of its own (home
 * support, day offers, housing), a team leader, and Ringkøbing-Skjern's service levels as its own approved version 1
 * (the seeds give no other municipality's). Generated for benchmarks, never shown in the demo. Returns their codes
 * (those it made and those already there).
 */
export async function createExtraMunicipalities(tx: AdminTx, count: number, createdAt: string): Promise<string[]> {
  const present = new Set((await tx.query<{ code: string }>('select code from municipality')).map((r) => r.code));
  const template = await tx.query<{
    key: string;
    kind: string;
    legal_basis: string;
    title: string;
    ffb_code: string | null;
    content: unknown;
    change_note: string | null;
    approved_by_body: string | null;
    in_force_from: string;
  }>(
    `select d.key, d.kind, d.legal_basis, d.title, d.ffb_code, v.content, v.change_note, v.approved_by_body, v.in_force_from::text
       from service_description d join service_description_version v on v.service_description_id = d.id and v.number = 1
       join municipality m on m.id = d.municipality_id where m.code = '760' order by d.key`,
  );
  const codes = DANISH_MUNICIPALITIES.filter(([code]) => !DEMO_MUNICIPALITIES.some((m) => m.code === code)).slice(0, count);
  for (const [code, name] of codes) {
    if (present.has(code)) continue;
    const id = stableUuid(`municipality:${code}`);
    const unit = (key: string) => stableUuid(`unit:${code}:${key}`);
    await insert(tx, 'municipality', [
      { id, code, name: code === '101' ? 'Københavns Kommune' : `${name} Kommune`, created_at: createdAt },
    ]);
    const units = [
      { key: 'myndighed', kind: 'authority', name: 'Myndighed, Voksen', parent: null },
      { key: 'center', kind: 'center', name: 'Socialpsykiatri og Handicap', parent: null },
      { key: 'bostoette', kind: 'offer', name: 'Bostøtten', parent: 'center' },
      { key: 'dagtilbud', kind: 'offer', name: 'Dagtilbuddet', parent: 'center' },
      { key: 'botilbud', kind: 'offer', name: 'Botilbuddet', parent: 'center' },
    ];
    await insert(
      tx,
      'org_unit',
      units.map((u) => ({
        id: unit(u.key),
        municipality_id: id,
        parent_id: u.parent ? unit(u.parent) : null,
        kind: u.kind,
        name: u.name,
        created_at: createdAt,
      })),
    );
    await insert(tx, 'app_user', [
      {
        id: stableUuid(`user:${code}:team-leader`),
        municipality_id: id,
        name: 'Teamleder',
        role: 'team_leader',
        unit_id: unit('myndighed'),
        citizen_id: null,
        oidc_subject: `generated-${code}-team-leader`,
        is_demo: false,
        created_at: createdAt,
      },
    ]);
    for (const t of template) {
      const description = stableUuid(`service_description:${code}:${t.key}`);
      await insert(tx, 'service_description', [
        {
          id: description,
          municipality_id: id,
          key: t.key,
          kind: t.kind,
          legal_basis: t.legal_basis,
          title: t.title,
          ffb_code: t.ffb_code,
          created_at: createdAt,
        },
      ]);
      await insert(tx, 'service_description_version', [
        {
          id: stableUuid(`service_description_version:${code}:${t.key}:1`),
          municipality_id: id,
          service_description_id: description,
          number: 1,
          status: 'approved',
          content: JSON.stringify(t.content),
          change_note: 'Ringkøbing-Skjern Kommunes serviceniveau, lånt til den nationale benchmark (genereret).',
          approved_by_name: 'Genereret',
          approved_by_body: t.approved_by_body,
          approved_at: createdAt,
          in_force_from: t.in_force_from,
          created_at: createdAt,
        },
      ]);
    }
    const offers = [
      { key: 'bostoette', name: 'Bostøtten', legal_bases: ['SEL § 85'] },
      { key: 'dagtilbud', name: 'Dagtilbuddet', legal_bases: ['SEL § 103', 'SEL § 104'] },
      { key: 'botilbud', name: 'Botilbuddet', legal_bases: ['SEL § 107', 'SEL § 108', 'ABL § 105'] },
    ];
    await insert(
      tx,
      'offer',
      offers.map((o) => ({
        id: stableUuid(`offer:${code}:${o.key}`),
        municipality_id: id,
        org_unit_id: unit(o.key),
        key: o.key,
        name: o.name,
        owner: 'own',
        legal_bases: o.legal_bases,
        content: '{}',
        source: 'Genereret til den nationale benchmark (ikke i en kildetekst).',
        created_at: createdAt,
      })),
    );
  }
  return codes.map(([code]) => code);
}
