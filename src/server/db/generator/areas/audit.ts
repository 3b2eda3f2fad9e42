import type { AuditAction, AuditPurpose } from '../../../../shared/audit/audit.schema.ts';
import { GENESIS_HASH, hashEntry } from '../../../platform/audit/audit-chain.ts';
import type { AdminTx } from '../../../platform/db/database.ts';
import { type Actor, type Generation, type Municipality, nextIdentity } from '../context.ts';
import { Rng } from '../random.ts';

export type AuditEntry = {
  at: Date;
  actor: Actor;
  action: AuditAction;
  purpose: AuditPurpose;
  citizenIndex: number | null;
  recordType: string | null;
  recordId: string | null;
  criterion?: string | null;
  details?: Record<string, unknown> | null;
};

/** One municipality's entries, column-wise (millions of rows: no object per row). */
class Chain {
  readonly times: number[] = [];
  readonly kinds: number[] = [];
  readonly actors: number[] = [];
  readonly citizens: number[] = [];
  readonly recordIds: (string | null)[] = [];
  readonly extras: ({ criterion: string | null; details: Record<string, unknown> | null } | null)[] = [];
}

const SORT_INDEX_BITS = 26;

/**
 * The audit log of the generated history: every change a use case would log, the reads and searches around it, and
 * (to reach a size's exact count) further reads of citizens' overviews by the same staff on the same days. Entries
 * are gathered per municipality, put in time order, and written as one valid hash chain per municipality with the
 * platform's own hash (`hashEntry`), so `npm run audit:verify` walks them like any other; live use appends after.
 */
export class AuditTrail {
  private readonly chains = new Map<string, Chain>();
  private readonly actorIndex = new Map<Actor, number>();
  private readonly actorList: Actor[] = [];
  private readonly kindIndex = new Map<string, number>();
  private readonly kindList: [AuditAction, AuditPurpose, string | null][] = [];

  add(m: Municipality, e: AuditEntry): void {
    let chain = this.chains.get(m.id);
    if (!chain) {
      chain = new Chain();
      this.chains.set(m.id, chain);
    }
    chain.times.push(e.at.getTime());
    chain.kinds.push(this.kind(e.action, e.purpose, e.recordType));
    chain.actors.push(this.actor(e.actor));
    chain.citizens.push(e.citizenIndex ?? -1);
    chain.recordIds.push(e.recordId);
    chain.extras.push(e.criterion || e.details ? { criterion: e.criterion ?? null, details: e.details ?? null } : null);
  }

  count(m: Municipality): number {
    return this.chains.get(m.id)?.times.length ?? 0;
  }

  private kind(action: AuditAction, purpose: AuditPurpose, recordType: string | null): number {
    const key = `${action}|${purpose}|${recordType}`;
    let i = this.kindIndex.get(key);
    if (i === undefined) {
      i = this.kindList.push([action, purpose, recordType]) - 1;
      this.kindIndex.set(key, i);
    }
    return i;
  }

  private actor(a: Actor): number {
    let i = this.actorIndex.get(a);
    if (i === undefined) {
      i = this.actorList.push(a) - 1;
      this.actorIndex.set(a, i);
    }
    return i;
  }

  /**
   * Tops the municipality's chain up to `target` entries with reads of a citizen's overview, each by the staff member
   * of an existing entry about that citizen, minutes after it on the same day.
   */
  padTo(g: Generation, m: Municipality, target: number): void {
    const chain = this.chains.get(m.id);
    if (!chain) return;
    const have = chain.times.length;
    if (target < have) {
      throw new Error(`audit rows for ${m.code}: the history needs ${have}, more than the size's ${target}`);
    }
    const rng = Rng.of(g.size.name, m.code, 'audit-padding');
    const withCitizen: number[] = [];
    for (let i = 0; i < have; i++) {
      const actor = this.actorList[chain.actors[i] as number];
      if ((chain.citizens[i] as number) >= 0 && actor?.role !== 'citizen') withCitizen.push(i);
    }
    if (!withCitizen.length) return;
    const latest = new Date(`${g.today}T00:00:00Z`).getTime() - 3 * 3_600_000;
    for (let n = have; n < target; n++) {
      const i = rng.pick(withCitizen);
      const citizen = chain.citizens[i] as number;
      const actor = this.actorList[chain.actors[i] as number] as Actor;
      const at = Math.min((chain.times[i] as number) + rng.int(1, 90) * 60_000, latest);
      chain.times.push(at);
      chain.kinds.push(this.kind('read', actor.role === 'provider_staff' ? 'follow_up' : 'case_processing', 'citizen'));
      chain.actors.push(chain.actors[i] as number);
      chain.citizens.push(citizen);
      chain.recordIds.push(m.citizens[citizen]?.id ?? null);
      chain.extras.push(null);
    }
  }

  /** Sorts the municipality's entries by time, chains them from the last hash it has, and hands them to the writer. */
  async write(g: Generation, tx: AdminTx, m: Municipality): Promise<number> {
    const chain = this.chains.get(m.id);
    if (!chain) return 0;
    this.chains.delete(m.id);
    const n = chain.times.length;
    if (n >= 2 ** SORT_INDEX_BITS) throw new Error('too many audit rows for one chain');
    let min = Number.POSITIVE_INFINITY;
    for (const t of chain.times) if (t < min) min = t;
    // Seconds since the first entry, shifted past the entry's index: one native numeric sort orders by time, then
    // by the order entries were made in.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = Math.floor(((chain.times[i] as number) - min) / 1000) * 2 ** SORT_INDEX_BITS + i;
    keys.sort();
    // `select *`: a database at an older migration has no chain_seq yet (the writer leaves out what it lacks).
    const last = await tx.query<{ hash: string; chain_seq?: number }>(
      'select * from audit_log where municipality_id = $1 order by id desc limit 1',
      [m.id],
    );
    let prev = last[0]?.hash ?? GENESIS_HASH;
    let seq = Number(last[0]?.chain_seq ?? 0);
    for (let k = 0; k < n; k++) {
      const i = (keys[k] as number) % 2 ** SORT_INDEX_BITS;
      const [action, purpose, recordType] = this.kindList[chain.kinds[i] as number] as [AuditAction, AuditPurpose, string | null];
      const actor = this.actorList[chain.actors[i] as number] as Actor;
      const citizen = chain.citizens[i] as number;
      const extra = chain.extras[i];
      const id = nextIdentity(g, 'audit_log');
      const fields = {
        municipalityId: m.id,
        occurredAt: new Date(chain.times[i] as number),
        requestId: `gen-${m.code}-${id}`,
        actorUserId: actor.userId,
        actorName: actor.name,
        actorRole: actor.role,
        actorUnitId: actor.unitId,
        actorUnitName: actor.unitName,
        action,
        purpose,
        citizenId: citizen >= 0 ? (m.citizens[citizen]?.id ?? null) : null,
        recordType,
        recordId: chain.recordIds[i] ?? null,
        criterion: extra?.criterion ?? null,
        details: extra?.details ?? null,
      };
      const hash = hashEntry(prev, fields);
      g.writer.add('audit_log', {
        id,
        municipality_id: m.id,
        chain_seq: ++seq,
        occurred_at: fields.occurredAt.toISOString(),
        request_id: fields.requestId,
        actor_user_id: fields.actorUserId,
        actor_name: fields.actorName,
        actor_role: fields.actorRole,
        actor_unit_id: fields.actorUnitId,
        actor_unit_name: fields.actorUnitName,
        action,
        purpose,
        citizen_id: fields.citizenId,
        record_type: recordType,
        record_id: fields.recordId,
        criterion: fields.criterion,
        details: fields.details === null ? null : JSON.stringify(fields.details),
        prev_hash: prev,
        hash,
      });
      prev = hash;
      await g.writer.maybeFlush();
    }
    await g.writer.flush();
    return n;
  }
}
