import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { anchorer, fileSink, readAnchors, syslogSink } from '../../src/server/platform/audit/audit-anchor.ts';
import { hashEntry, SYSTEM_CHAIN_ID } from '../../src/server/platform/audit/audit-chain.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/audit-verify.ts';
import { type Database, openDatabase } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { loginAs, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const RKSK = stableUuid('municipality:760');
const dir = mkdtempSync(join(tmpdir(), 'vt-anchors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh database with some audited activity, anchored to a file of its own. */
async function anchoredDatabase(name: string) {
  const database = await openTestDatabase();
  const app = await testApp(database);
  const caseworker = await loginAs(app, 'caseworker');
  await caseworker.get('/api/citizens?q=Kjærsgaard');
  await caseworker.get('/api/citizens?q=Hansen');
  await app.close();
  const file = join(dir, `${name}.jsonl`);
  const anchorNow = anchorer(database, fileSink(file));
  await anchorNow();
  return { database, file, anchorNow, caseworker };
}

/** The chains that have entries: each gets one anchor the first time. */
const chainsWithEntries = async (database: Database) =>
  (await inSystem(database, (tx) => tx.selectFrom('audit_log').select('municipality_id').distinct().execute())).map(
    (r) => r.municipality_id,
  );

/** Octet-counted syslog frames (RFC 6587): each `LENGTH SP MESSAGE`, LENGTH in bytes. */
function octetFrames(stream: Buffer): string[] {
  const frames: string[] = [];
  let rest = stream;
  for (;;) {
    const m = /^(\d+) /.exec(rest.subarray(0, 12).toString('latin1'));
    if (!m?.[1]) break;
    const start = m[0].length;
    const length = Number(m[1]);
    frames.push(rest.subarray(start, start + length).toString('utf8'));
    rest = rest.subarray(start + length);
  }
  if (rest.length) frames.push(`unframed: ${rest.toString('utf8')}`);
  return frames;
}

const newest = (database: Database, n: number) =>
  inSystem(database, (tx) =>
    tx.selectFrom('audit_log').selectAll().where('municipality_id', '=', RKSK).orderBy('chain_seq', 'desc').limit(n).execute(),
  );

describe(`audit anchors outside the database on ${TEST_DB}`, () => {
  let database: Database;
  let file: string;
  let anchorNow: () => Promise<number>;
  beforeAll(async () => {
    ({ database, file, anchorNow } = await anchoredDatabase('main'));
  });
  afterAll(async () => database.close());

  it('appends each chain’s head (chain, position, hash, time) and then only the chains that moved', async () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const anchors = lines.map((l) => JSON.parse(l) as { chain: string; seq: number; hash: string; anchoredAt: string });
    const [head] = await newest(database, 1);
    expect(anchors.find((a) => a.chain === RKSK)).toMatchObject({ seq: Number(head?.chain_seq), hash: head?.hash });
    // One anchor per chain with entries (the demo history has a chain per municipality); a chain without entries
    // (the system chain before any failed log-in) has no head to anchor.
    const withEntries = await chainsWithEntries(database);
    expect(anchors.map((a) => a.chain).sort()).toEqual(withEntries.sort());
    expect(withEntries).not.toContain(SYSTEM_CHAIN_ID);
    expect(await anchorNow()).toBe(0);
    const app = await testApp(database);
    await (await loginAs(app, 'caseworker')).get('/api/citizens?q=Olsen');
    await app.close();
    expect(await anchorNow()).toBe(1);
    const after = readFileSync(file, 'utf8').trim().split('\n');
    expect(after.slice(0, lines.length)).toEqual(lines);
    expect(JSON.parse(after.at(-1) ?? '{}')).toMatchObject({ chain: RKSK });
  });

  it('verifies an untouched log against its anchors', async () => {
    const { latest } = await readAnchors(file);
    const result = await verifyAuditChain(database, 1000, latest);
    expect(result).toMatchObject({ ok: true, findings: [], anchors: { unanchoredEntries: 0 } });
    expect(result.chains).toBe((await chainsWithEntries(database)).length);
  });
});

describe(`tampering with the end of the log is reported on ${TEST_DB}`, () => {
  it('deleting the newest entries: the chain alone looks intact, the anchor says what is missing', async () => {
    const { database, file } = await anchoredDatabase('tail');
    try {
      const tail = await newest(database, 2);
      await database.adminTransaction((tx) =>
        tx.query('delete from audit_log where id = any($1::bigint[])', [tail.map((r) => r.id)]),
      );
      // The finding in issue 10: without anchors, nothing to see.
      expect((await verifyAuditChain(database)).ok).toBe(true);
      const result = await verifyAuditChain(database, 1000, (await readAnchors(file)).latest);
      expect(result.ok).toBe(false);
      expect(result.findings).toEqual([
        {
          chain: RKSK,
          id: null,
          seq: null,
          reason: expect.stringMatching(/anchored at position \d+ .*its 2 newest entries were deleted/),
        },
      ]);
    } finally {
      await database.close();
    }
  });

  it('truncating the table: every anchored chain is reported empty', async () => {
    const { database, file } = await anchoredDatabase('truncate');
    try {
      await database.adminTransaction((tx) => tx.exec('truncate audit_log'));
      expect((await verifyAuditChain(database)).ok).toBe(true);
      const { latest } = await readAnchors(file);
      const result = await verifyAuditChain(database, 1000, latest);
      expect(result.ok).toBe(false);
      expect(result.entries).toBe(0);
      expect(result.findings.map((f) => f.chain).sort()).toEqual([...latest.keys()].sort());
      expect(result.findings.every((f) => /the chain is empty.*truncated/.test(f.reason))).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('rewriting the newest entry and recomputing its hash: the anchor no longer matches', async () => {
    const { database, file } = await anchoredDatabase('rewrite');
    try {
      const [row] = await newest(database, 1);
      if (!row) throw new Error('no audit row');
      const forged = { ...row, criterion: 'noget helt andet', occurred_at: new Date(row.occurred_at) };
      const hash = hashEntry(row.prev_hash, {
        municipalityId: forged.municipality_id,
        occurredAt: forged.occurred_at,
        requestId: forged.request_id,
        actorUserId: forged.actor_user_id,
        actorName: forged.actor_name,
        actorRole: forged.actor_role,
        actorUnitId: forged.actor_unit_id,
        actorUnitName: forged.actor_unit_name,
        action: forged.action,
        purpose: forged.purpose,
        citizenId: forged.citizen_id,
        recordType: forged.record_type,
        recordId: forged.record_id,
        criterion: forged.criterion,
        details: forged.details,
      });
      await database.adminTransaction((tx) =>
        tx.query('update audit_log set criterion = $1, hash = $2 where id = $3', [forged.criterion, hash, row.id]),
      );
      expect((await verifyAuditChain(database)).ok).toBe(true);
      const result = await verifyAuditChain(database, 1000, (await readAnchors(file)).latest);
      expect(result).toMatchObject({
        ok: false,
        brokenAt: { id: Number(row.id), municipalityId: RKSK, reason: expect.stringContaining('does not match the anchor') },
      });
    } finally {
      await database.close();
    }
  });

  it('`npm run audit:verify` says so and exits with 1; with the anchors of an intact log it exits with 0', async () => {
    const { database, file } = await anchoredDatabase('script');
    const dataDir = join(dir, 'script-data');
    let env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'development', AUDIT_ANCHOR_SINK: `file:${file}` };
    let scriptDb: Database = database;
    if (TEST_DB === 'postgres') {
      env = { ...env, DATABASE_URL: (database as Database & { url?: string }).url };
    } else {
      // The script opens PGlite from a directory: copy this database into one.
      const dump = await database.pglite?.dumpDataDir('none');
      await database.close();
      scriptDb = await openDatabase({ kind: 'pglite', dataDir, ...(dump ? { loadDataDir: dump } : {}) });
      env = { ...env, DATA_DIR: dataDir, DATABASE_URL: '' };
    }
    const run = async () => {
      try {
        const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env });
        return { code: 0, out: r.stdout + r.stderr };
      } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        return { code: err.code, out: err.stdout + err.stderr };
      }
    };
    try {
      if (TEST_DB === 'pglite') await scriptDb.close();
      const intact = await run();
      expect(intact).toMatchObject({ code: 0, out: expect.stringContaining('Audit log intact') });
      if (TEST_DB === 'pglite') scriptDb = await openDatabase({ kind: 'pglite', dataDir });
      const [head] = await newest(scriptDb, 1);
      await scriptDb.adminTransaction((tx) => tx.query('delete from audit_log where id = $1', [head?.id]));
      if (TEST_DB === 'pglite') await scriptDb.close();
      const broken = await run();
      expect(broken.code).toBe(1);
      expect(broken.out).toContain('Audit log BROKEN');
      expect(broken.out).toMatch(new RegExp(`chain ${RKSK}: the chain ends at position \\d+, but it was anchored`));
    } finally {
      if (TEST_DB === 'postgres') await scriptDb.close();
    }
  }, 60_000);
});

describe(`a syslog collector as the anchor sink on ${TEST_DB}`, () => {
  it('receives one RFC 5424 message per anchor, which verification reads back from its export', async () => {
    const { database } = await anchoredDatabase('syslog');
    const server = createSocket('udp4');
    const received: string[] = [];
    server.on('message', (m) => received.push(m.toString()));
    await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
    try {
      const port = server.address().port;
      const count = await anchorer(database, syslogSink(new URL(`udp://127.0.0.1:${port}`), 'vt-test'))();
      expect(count).toBe((await chainsWithEntries(database)).length);
      for (let i = 0; i < 50 && received.length < count; i++) await new Promise((r) => setTimeout(r, 20));
      expect(received).toHaveLength(count);
      expect(received[0]).toMatch(/^<110>1 \S+ vt-test visitator - audit-anchor - \{"chain":/);
      const exported = join(dir, 'syslog-export.log');
      writeFileSync(exported, `${received.join('\n')}\n`);
      const { latest, read } = await readAnchors(exported);
      expect(read).toBe(count);
      expect((await verifyAuditChain(database, 1000, latest)).ok).toBe(true);
    } finally {
      server.close();
      await database.close();
    }
  });

  it('over TCP, octet-counted (RFC 6587)', async () => {
    const { database } = await anchoredDatabase('syslog-tcp');
    let received = Buffer.alloc(0);
    const server = createServer((socket) => {
      socket.on('data', (d) => {
        received = Buffer.concat([received, d]);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const chains = await chainsWithEntries(database);
      expect(await anchorer(database, syslogSink(new URL(`tcp://127.0.0.1:${port}`), 'vt-test'))()).toBe(chains.length);
      for (let i = 0; i < 50 && octetFrames(received).length < chains.length; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      // Every frame's length is its message's length in bytes, so the stream splits into exactly one message per chain.
      const frames = octetFrames(received);
      expect(frames).toHaveLength(chains.length);
      for (const frame of frames) expect(frame).toMatch(/^<110>1 \S+ vt-test visitator - audit-anchor - \{"chain":"[^"]+".*\}$/s);
      expect(frames.some((f) => f.includes(`"chain":"${RKSK}"`))).toBe(true);
    } finally {
      server.close();
      await database.close();
    }
  });
});
