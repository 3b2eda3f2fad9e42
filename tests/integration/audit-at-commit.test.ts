import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditActor, type AuditEvent, writeAudit } from '../../src/server/platform/audit/audit.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/audit-verify.ts';
import { sqlLiteral } from '../../src/server/platform/db/at-commit.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem, inTenant } from '../../src/server/platform/tx.ts';
import type { AuditAction } from '../../src/shared/audit/audit.schema.ts';
import { MUNICIPALITY } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * The audit chain's append is sent with the commit (platform/db/at-commit.ts, ADR 0007): what that keeps (a rolled-back
 * transaction leaves no entry, a failed append saves nothing) and what it gains (another transaction's append does not
 * wait for one that is still open).
 */
let database: Database;
let municipalityId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  const row = await inSystem(database, (tx) =>
    tx.selectFrom('municipality').select('id').where('name', '=', MUNICIPALITY.rksk).executeTakeFirstOrThrow(),
  );
  municipalityId = row.id;
});
afterAll(async () => {
  await database.close();
});

const actor = (requestId: string): AuditActor => ({
  municipalityId,
  userId: null,
  name: 'Test af revisionsspor',
  role: 'caseworker',
  unitId: null,
  unitName: null,
  requestId,
});
const event = (criterion: string | null = null, action: AuditAction = 'search'): AuditEvent => ({
  action,
  purpose: 'case_processing',
  criterion,
});
const entriesOf = (requestId: string) =>
  inSystem(database, (tx) =>
    tx
      .selectFrom('audit_log')
      .select(['chain_seq', 'criterion'])
      .where('request_id', '=', requestId)
      .orderBy('chain_seq')
      .execute(),
  );

describe(`the audit append sent with the commit on ${TEST_DB}`, () => {
  it.each([
    ['a quote', "O'Brien"],
    ['backslashes and an escape that is not one', 'C:\\mapper\\n \\x41 \\\\'],
    ['an attempt to end the literal', "'); delete from audit_log; --"],
    ['a dollar quote', '$$ select 1 $$ $a$'],
    ['Danish letters, an emoji and a line break', 'Søren Ærø Åby 🙂\nlinje 2\ttab'],
    ['JSON text', '{"a": "\\"b\\""}'],
  ])('stores a criterion with %s exactly as typed, and the chain verifies', async (_what, criterion) => {
    const requestId = randomUUID();
    await inTenant(database, municipalityId, (tx) => writeAudit(tx, actor(requestId), event(criterion)));
    expect(await entriesOf(requestId)).toEqual([expect.objectContaining({ criterion })]);
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });

  it.each([
    ['plain', 'abc', "'abc'"],
    ['a quote doubled', "a'b", "'a''b'"],
    ['backslashes doubled in the E form', 'a\\b', " E'a\\\\b'"],
  ])('writes a literal: %s', (_what, value, literal) => {
    expect(sqlLiteral(value)).toBe(literal);
  });

  it('refuses a NUL character rather than send it', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
  });

  it('writes the entry at the commit: not visible inside its own transaction, visible after', async () => {
    const requestId = randomUUID();
    const inside = await inTenant(database, municipalityId, async (tx) => {
      await writeAudit(tx, actor(requestId), event('synlig efter commit'));
      return tx.selectFrom('audit_log').select('id').where('request_id', '=', requestId).execute();
    });
    expect(inside).toEqual([]);
    expect(await entriesOf(requestId)).toHaveLength(1);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const requestId = randomUUID();
    await expect(
      inTenant(database, municipalityId, async (tx) => {
        await writeAudit(tx, actor(requestId), event('rulles tilbage'));
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await entriesOf(requestId)).toEqual([]);
  });

  it('drops an entry queued after a savepoint the transaction rolls back to, and keeps the ones before and after', async () => {
    const requestId = randomUUID();
    await inTenant(database, municipalityId, async (tx) => {
      await writeAudit(tx, actor(requestId), event('før'));
      await sql`savepoint part`.execute(tx);
      await writeAudit(tx, actor(requestId), event('fortrudt'));
      await sql`rollback to savepoint part`.execute(tx);
      await writeAudit(tx, actor(requestId), event('efter'));
    });
    expect((await entriesOf(requestId)).map((e) => e.criterion)).toEqual(['før', 'efter']);
  });

  it('saves nothing of the transaction when its append fails at the commit', async () => {
    const requestId = randomUUID();
    const name = `at-commit-${requestId}`;
    await expect(
      inSystem(database, async (tx) => {
        await sql`insert into seed_state (name, fingerprint) values (${name}, ${'0'.repeat(64)})`.execute(tx);
        // An action the table's check refuses: the append fails inside the commit's message.
        await writeAudit(tx, actor(requestId), event(null, 'no_such_action' as AuditAction));
      }),
    ).rejects.toThrow(/audit_log_action_check|check constraint/);
    const saved = await inSystem(database, (tx) => tx.selectFrom('seed_state').select('name').where('name', '=', name).execute());
    expect(saved).toEqual([]);
    expect(await entriesOf(requestId)).toEqual([]);
  });

  it(
    TEST_DB === 'postgres'
      ? 'lets another transaction append and commit while one that has appended is still open'
      : 'appends in the order the one connection runs the transactions',
    async () => {
      const first = randomUUID();
      const second = randomUUID();
      let finishFirst: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        finishFirst = resolve;
      });
      let firstQueued: () => void = () => {};
      const queued = new Promise<void>((resolve) => {
        firstQueued = resolve;
      });
      const a = inTenant(database, municipalityId, async (tx) => {
        await writeAudit(tx, actor(first), event('først åbnet'));
        firstQueued();
        await held;
      });
      await queued;
      const b = inTenant(database, municipalityId, (tx) => writeAudit(tx, actor(second), event('først færdig')));
      const bDone = await Promise.race([b.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 3000))]);
      finishFirst();
      await Promise.all([a, b]);
      const [aEntry] = await entriesOf(first);
      const [bEntry] = await entriesOf(second);
      if (TEST_DB === 'postgres') {
        // Before ADR 0007 the second waited for the first's commit: the chain's lock was taken when it appended.
        expect(bDone).toBe(true);
        expect(Number(bEntry?.chain_seq)).toBeLessThan(Number(aEntry?.chain_seq));
      } else {
        expect(bDone).toBe(false);
        expect(Number(bEntry?.chain_seq)).toBeGreaterThan(Number(aEntry?.chain_seq));
      }
      expect((await verifyAuditChain(database)).ok).toBe(true);
    },
  );
});
