// Checks that a Citus cluster takes Visitator's schema distributed by municipality, and how the app's tenancy behaves
// there (docs/SCALING.md, "Measured on Citus"). Not part of CI: Citus is not packaged for this machine.
//   CITUS_URL=postgres://…/db npx tsx scripts/citus-check.ts
// The database must be new, with `create extension citus` on the coordinator and every worker, and the workers added.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { appMigrations } from '../src/server/db/schema.ts';
import { seedCatalogue } from '../src/server/db/seed/catalogue-seed.ts';
import { seedDemoData } from '../src/server/db/seed/demo-seed.ts';
import { stableUuid } from '../src/server/db/seed/deterministic.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { seedOffers } from '../src/server/db/seed/offer-seed.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { inTenant } from '../src/server/platform/tx.ts';

const url = process.env.CITUS_URL;
if (!url) throw new Error('CITUS_URL is not set');
const upTo = Number(process.env.CITUS_MIGRATIONS ?? appMigrations().length);
const RKSK = stableUuid('municipality:760');
const NORDDJURS = stableUuid('municipality:707');
const report = (label: string, value: unknown) =>
  console.log(`${label}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);

const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await migrate(
    database,
    appMigrations().filter((m) => m.version <= upTo),
  );
  report('migrations', upTo);
  try {
    await client.query(readFileSync(new URL('./citus-distribute.sql', import.meta.url), 'utf8'));
    report('distribution', 'scripts/citus-distribute.sql ran');
  } catch (error) {
    const e = error as { message: string; detail?: string };
    report('distribution refused', [e.message, e.detail].filter(Boolean).join(' — '));
    process.exit(0);
  }
  const kinds = await client.query<{ kind: string; n: string }>(
    `select case partmethod when 'h' then 'distributed by municipality_id' when 'n' then 'reference' end as kind,
            count(*) as n from pg_dist_partition group by 1 order by 1`,
  );
  report('tables', kinds.rows);
  const colocation = await client.query<{ groups: string }>(
    `select count(distinct colocationid) as groups from pg_dist_partition where partmethod = 'h'`,
  );
  report('co-location groups of the distributed tables', colocation.rows[0]?.groups);

  await importFfb(database);
  await seedDemoData(database, systemClock.today());
  await seedCatalogue(database);
  await seedOffers(database);
  const citizens = await client.query<{ n: string }>('select count(*) as n from citizen');
  report('demo data loaded; citizens', citizens.rows[0]?.n);

  // A composite foreign key across municipalities, as the owner: refused on the shard.
  const other = await client.query<{ id: string }>('select id from citizen where municipality_id = $1 limit 1', [NORDDJURS]);
  try {
    await client.query(
      `insert into case_file (municipality_id, citizen_id, status, title, opened_on)
       values ($1, $2, 'request_received', 'x', date '2026-11-01')`,
      [RKSK, other.rows[0]?.id],
    );
    report('cross-municipality insert', 'ACCEPTED (unexpected)');
  } catch (error) {
    report('cross-municipality insert refused', `${(error as { code?: string }).code} ${(error as Error).message}`);
  }

  // The app's tenancy as it is today: set_config(…, true) inside the transaction, role visitator_app.
  const asApp = async () =>
    inTenant(
      database,
      RKSK,
      async (tx) =>
        (
          await tx
            .selectFrom('citizen')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
    );
  try {
    report('citizens visible to RKSK via set_config (today)', await asApp());
  } catch (error) {
    report('citizens via set_config (today) failed', (error as Error).message);
  }
  // Citus reaches the workers as the current user: the app role must be able to log in there.
  await client.query('alter role visitator_app login');
  report('then', 'alter role visitator_app login (propagated to the workers)');
  try {
    report('citizens visible to RKSK via set_config (today)', await asApp());
  } catch (error) {
    report('citizens via set_config (today) failed', (error as Error).message);
  }

  // What Citus propagates: SET LOCAL with citus.propagate_set_commands = 'local'.
  const viaSetLocal = await database.db.transaction().execute(async (tx) => {
    await sql`set local citus.propagate_set_commands = 'local'`.execute(tx);
    await sql.raw(`set local app.municipality_id = '${RKSK}'`).execute(tx);
    await sql`set local role visitator_app`.execute(tx);
    const n = await tx
      .selectFrom('citizen')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select id from citizen where id = ${stableUuid('x')}`.execute(tx);
    const planWithTenant = await sql<{
      'QUERY PLAN': string;
    }>`explain select id from citizen where municipality_id = ${RKSK} and id = ${stableUuid('x')}`.execute(tx);
    const tasks = (rows: { 'QUERY PLAN': string }[]) =>
      rows.map((r) => r['QUERY PLAN']).find((l) => l.includes('Task Count')) ?? rows.map((r) => r['QUERY PLAN'])[0];
    return { n, byId: tasks(plan.rows), byIdWithTenant: tasks(planWithTenant.rows) };
  });
  report('citizens visible to RKSK via SET LOCAL (propagated)', viaSetLocal.n);
  report('a read by id, the policy alone', viaSetLocal.byId);
  report('a read by id naming municipality_id', viaSetLocal.byIdWithTenant);
} finally {
  await client.end();
  await database.close();
}
