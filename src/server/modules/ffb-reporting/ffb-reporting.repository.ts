import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/** The SQL of the ffb-reporting module's own tables (the ledger, deliveries, settings). */

export type DeliveryStatus = 'refused' | 'pending' | 'accepted' | 'rejected' | 'failed' | 'held';

const CHUNK = 1000;
const chunks = <T>(xs: readonly T[]) =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

export const ffbReportingRepository = {
  async settings(tx: Tx, municipalityId: string) {
    return tx.selectFrom('ffb_reporting_setting').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
  },

  async saveSettings(
    tx: Tx,
    municipalityId: string,
    s: { organisation_code: string | null; gateway_url: string | null; enabled: boolean; case_number_system: string },
  ) {
    await tx
      .insertInto('ffb_reporting_setting')
      .values({ municipality_id: municipalityId, ...s })
      .onConflict((oc) =>
        oc.column('municipality_id').doUpdateSet({
          organisation_code: s.organisation_code,
          gateway_url: s.gateway_url,
          enabled: s.enabled,
          case_number_system: s.case_number_system,
          version: sql`ffb_reporting_setting.version + 1`,
          updated_at: sql`now()`,
        }),
      )
      .execute();
  },

  async municipalityCode(tx: Tx, municipalityId: string) {
    const m = await tx.selectFrom('municipality').select('code').where('id', '=', municipalityId).executeTakeFirstOrThrow();
    return m.code;
  },

  async setDeliveredUntil(tx: Tx, municipalityId: string, until: Date) {
    await tx
      .updateTable('ffb_reporting_setting')
      .set({ delivered_until: until })
      .where('municipality_id', '=', municipalityId)
      .execute();
  },

  async currentHashes(tx: Tx, municipalityId: string, ids: readonly string[]) {
    const out = new Map<string, { hash: string; version: number }>();
    for (const part of chunks(ids)) {
      const rows = await tx
        .selectFrom('ffb_resource')
        .select(['id', 'current_hash', 'current_version'])
        .where('municipality_id', '=', municipalityId)
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, { hash: r.current_hash, version: r.current_version });
    }
    return out;
  },

  async saveVersions(
    tx: Tx,
    municipalityId: string,
    changed: readonly {
      id: string;
      citizenId: string;
      key: string;
      profile: string;
      resourceType: string;
      version: number;
      hash: string;
      content: unknown;
    }[],
    capturedAt: Date,
  ) {
    for (const part of chunks(changed)) {
      await tx
        .insertInto('ffb_resource')
        .values(
          part.map((c) => ({
            municipality_id: municipalityId,
            id: c.id,
            citizen_id: c.citizenId,
            source_key: c.key,
            profile: c.profile,
            resource_type: c.resourceType,
            current_version: c.version,
            current_hash: c.hash,
            changed_at: capturedAt,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['municipality_id', 'id']).doUpdateSet({
            current_version: sql`excluded.current_version`,
            current_hash: sql`excluded.current_hash`,
            changed_at: sql`excluded.changed_at`,
            profile: sql`excluded.profile`,
          }),
        )
        .execute();
      await tx
        .insertInto('ffb_resource_version')
        .values(
          part.map((c) => ({
            municipality_id: municipalityId,
            resource_id: c.id,
            version: c.version,
            citizen_id: c.citizenId,
            content: JSON.stringify(c.content),
            content_hash: c.hash,
            captured_at: capturedAt,
          })),
        )
        .execute();
    }
  },

  /** Citizens with resources changed in (since, until], by the Copenhagen day of the change, oldest day first. */
  async changedDays(tx: Tx, municipalityId: string, since: Date, until: Date) {
    return tx
      .selectFrom('ffb_resource_version')
      .select(['citizen_id', sql<string>`to_char((captured_at at time zone 'Europe/Copenhagen')::date, 'YYYY-MM-DD')`.as('day')])
      .where('municipality_id', '=', municipalityId)
      .where('captured_at', '>', since)
      .where('captured_at', '<=', until)
      .groupBy(['citizen_id', sql`(captured_at at time zone 'Europe/Copenhagen')::date`])
      .orderBy(sql`(captured_at at time zone 'Europe/Copenhagen')::date`)
      .orderBy('citizen_id')
      .execute();
  },

  /**
   * A citizen's resources as they stood before `asOf` (the latest version of each), and which of them changed in
   * (since, asOf) on the given day.
   */
  async citizenAsOf(tx: Tx, municipalityId: string, citizenId: string, day: string, since: Date, until: Date) {
    const endOfDay = sql<Date>`((${day}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`;
    const rows = await tx
      .selectFrom('ffb_resource_version as v')
      .innerJoin('ffb_resource as r', (j) =>
        j.onRef('r.municipality_id', '=', 'v.municipality_id').onRef('r.id', '=', 'v.resource_id'),
      )
      .distinctOn('v.resource_id')
      .select(['v.resource_id', 'v.content', 'v.captured_at', 'r.profile'])
      .where('v.municipality_id', '=', municipalityId)
      .where('v.citizen_id', '=', citizenId)
      .where('v.captured_at', '<=', until)
      .where(sql<boolean>`v.captured_at < ${endOfDay}`)
      .orderBy('v.resource_id')
      .orderBy('v.version', 'desc')
      .execute();
    const changed = await tx
      .selectFrom('ffb_resource_version')
      .select('resource_id')
      .distinct()
      .where('municipality_id', '=', municipalityId)
      .where('citizen_id', '=', citizenId)
      .where('captured_at', '>', since)
      .where('captured_at', '<=', until)
      .where(sql<boolean>`(captured_at at time zone 'Europe/Copenhagen')::date = ${day}::date`)
      .execute();
    return { resources: rows, changedIds: new Set(changed.map((c) => c.resource_id)) };
  },

  async insertDelivery(
    tx: Tx,
    d: {
      municipality_id: string;
      citizen_id: string;
      report_day: string;
      bundle: unknown;
      resource_count: number;
      bytes: number;
      guide_version: string;
      fhir_version: string;
      ffb_version: string;
      status: DeliveryStatus;
      violations: unknown | null;
      next_attempt_at: Date | null;
    },
  ) {
    const row = await tx
      .insertInto('ffb_delivery')
      .values({ ...d, bundle: JSON.stringify(d.bundle), violations: d.violations === null ? null : JSON.stringify(d.violations) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Deliveries waiting to be sent, or failed and due for a retry, oldest first. */
  async due(tx: Tx, municipalityId: string, now: Date, maxAttempts: number, limit: number) {
    return tx
      .selectFrom('ffb_delivery')
      .select(['id', 'citizen_id', 'bundle', 'attempts', 'report_day'])
      .where('municipality_id', '=', municipalityId)
      .where('status', 'in', ['pending', 'failed'])
      .where('next_attempt_at', '<=', now)
      .where('attempts', '<', maxAttempts)
      .orderBy('next_attempt_at')
      .orderBy('created_at')
      .limit(limit)
      .execute();
  },

  async delivery(tx: Tx, municipalityId: string, id: string) {
    return tx
      .selectFrom('ffb_delivery')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async recordAttempt(
    tx: Tx,
    a: {
      municipality_id: string;
      delivery_id: string;
      attempted_at: Date;
      target: string;
      sent_by: string;
      http_status: number | null;
      outcome: 'accepted' | 'rejected' | 'failed';
      gateway_codes: string[] | null;
      response: unknown | null;
      error: string | null;
    },
    nextAttemptAt: Date | null,
  ) {
    await tx
      .insertInto('ffb_delivery_attempt')
      .values({ ...a, response: a.response === null ? null : JSON.stringify(a.response) })
      .execute();
    await tx
      .updateTable('ffb_delivery')
      .set({
        status: a.outcome,
        attempts: sql`attempts + 1`,
        next_attempt_at: nextAttemptAt,
        gateway_status: a.http_status,
        gateway_codes: a.gateway_codes,
        gateway_response: a.response === null ? null : JSON.stringify(a.response),
        ...(a.outcome === 'failed' ? {} : { sent_at: a.attempted_at }),
      })
      .where('municipality_id', '=', a.municipality_id)
      .where('id', '=', a.delivery_id)
      .execute();
  },

  /** A page of deliveries, newest day first (ffb_delivery_day_idx). */
  async list(tx: Tx, municipalityId: string, f: { day?: string; status?: DeliveryStatus; offset: number; limit: number }) {
    let q = tx
      .selectFrom('ffb_delivery as d')
      .leftJoin('citizen as c', (j) => j.onRef('c.id', '=', 'd.citizen_id').onRef('c.municipality_id', '=', 'd.municipality_id'))
      .where('d.municipality_id', '=', municipalityId);
    if (f.day) q = q.where('d.report_day', '=', f.day);
    if (f.status) q = q.where('d.status', '=', f.status);
    const [rows, total] = await Promise.all([
      q
        .select([
          'd.id',
          'd.citizen_id',
          'c.first_name',
          'c.last_name',
          'c.cpr',
          'd.report_day',
          'd.status',
          'd.resource_count',
          'd.bytes',
          'd.attempts',
          'd.gateway_status',
          'd.gateway_codes',
          'd.violations',
          'd.created_at',
          'd.sent_at',
          'd.next_attempt_at',
          'd.guide_version',
          'd.ffb_version',
        ])
        .orderBy('d.report_day', 'desc')
        .orderBy('d.created_at', 'desc')
        .offset(f.offset)
        .limit(f.limit)
        .execute(),
      q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: total.n };
  },

  async summary(tx: Tx, municipalityId: string, day: string) {
    return tx
      .selectFrom('ffb_delivery')
      .select([
        'status',
        sql<number>`count(*)::int`.as('reports'),
        sql<number>`coalesce(sum(resource_count), 0)::int`.as('resources'),
        sql<number>`coalesce(sum(bytes), 0)::int`.as('bytes'),
      ])
      .where('municipality_id', '=', municipalityId)
      .where('report_day', '=', day)
      .groupBy('status')
      .execute();
  },

  async attempts(tx: Tx, municipalityId: string, deliveryId: string) {
    return tx
      .selectFrom('ffb_delivery_attempt')
      .select(['attempted_at', 'target', 'sent_by', 'http_status', 'outcome', 'gateway_codes', 'response', 'error'])
      .where('municipality_id', '=', municipalityId)
      .where('delivery_id', '=', deliveryId)
      .orderBy('attempted_at')
      .limit(100)
      .execute();
  },

  /** Municipalities with reporting switched on (or none set up yet: every one builds its reports). */
  async municipalitiesToReport(tx: Tx) {
    const rows = await tx
      .selectFrom('municipality as m')
      .leftJoin('ffb_reporting_setting as s', 's.municipality_id', 'm.id')
      .select(['m.id'])
      .where((eb) => eb.or([eb('s.enabled', 'is', null), eb('s.enabled', '=', true)]))
      .execute();
    return rows.map((r) => r.id);
  },
};
