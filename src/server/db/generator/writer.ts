import type { AdminTx } from '../../platform/db/database.ts';

/**
 * The tables the generator fills, in foreign-key order, each with its columns and their types. Rows are buffered
 * and written set-based: one `COPY table (columns) FROM` per table and batch in COPY's text format, on PGlite and
 * PostgreSQL alike (no statement per row). Identity columns are written explicitly (COPY takes their values), so
 * what refers to them (audit rows) knows their ids.
 */
export const TABLES = {
  citizen: {
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
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  app_user: {
    id: 'uuid',
    municipality_id: 'uuid',
    name: 'text',
    role: 'text',
    unit_id: 'uuid',
    citizen_id: 'uuid',
    oidc_subject: 'text',
    is_demo: 'boolean',
    created_at: 'timestamptz',
  },
  app_user_offer: { municipality_id: 'uuid', user_id: 'uuid', unit_id: 'uuid' },
  case_file: {
    id: 'uuid',
    municipality_id: 'uuid',
    citizen_id: 'uuid',
    caseworker_id: 'uuid',
    status: 'text',
    title: 'text',
    opened_on: 'date',
    day_offer: 'boolean',
    version: 'integer',
    created_at: 'timestamptz',
  },
  case_request: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    channel: 'text',
    received_on: 'date',
    requested_by: 'text',
    requester_name: 'text',
    what: 'text',
    created_at: 'timestamptz',
  },
  case_document: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    kind: 'text',
    title: 'text',
    journalised_on: 'date',
    content: 'bytea',
    letter: 'jsonb',
    created_at: 'timestamptz',
  },
  case_deadline: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    kind: 'text',
    from_date: 'date',
    due_date: 'date',
    ends_at_time: 'text',
    rule_version: 'text',
    source: 'text',
    met_on: 'date',
    notice_sent_on: 'date',
    lapsed_on: 'date',
    created_at: 'timestamptz',
  },
  assessment: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    support_need_code: 'text',
    version: 'integer',
    updated_at: 'timestamptz',
    assessed_on: 'date',
  },
  assessment_condition: {
    id: 'uuid',
    municipality_id: 'uuid',
    assessment_id: 'uuid',
    condition_code: 'text',
    level_code: 'text',
    recorded_on: 'date',
  },
  case_target_group: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    code: 'text',
    rank: 'smallint',
    recorded_on: 'date',
  },
  assessment_theme: {
    municipality_id: 'uuid',
    assessment_id: 'uuid',
    theme_code: 'text',
    level_code: 'text',
    wishes: 'text',
    informant_code: 'text',
    notes: 'text',
  },
  decision: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    kind: 'text',
    outcome: 'text',
    legal_basis: 'text',
    service_description_version_id: 'uuid',
    weekly_hours: 'numeric',
    profile_code: 'text',
    module_days: 'integer',
    start_date: 'date',
    time_limit_until: 'date',
    reasons: 'text',
    party_hearing: 'text',
    party_hearing_note: 'text',
    decided_on: 'date',
    decided_by: 'uuid',
    letter_document_id: 'uuid',
    created_at: 'timestamptz',
  },
  decision_approval: {
    municipality_id: 'uuid',
    id: 'uuid',
    case_id: 'uuid',
    rule: 'text',
    threshold_hours: 'numeric',
    proposal: 'jsonb',
    justification: 'text',
    requested_by: 'uuid',
    unit_id: 'uuid',
    requested_at: 'timestamptz',
    status: 'text',
  },
  case_order: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    decision_id: 'uuid',
    offer_id: 'uuid',
    ordered_on: 'date',
    first_follow_up: 'date',
    action_plan: 'jsonb',
    status: 'text',
    accepted_on: 'date',
    actual_start: 'date',
    ends_on: 'date',
    ended_reason: 'text',
    version: 'integer',
    created_at: 'timestamptz',
  },
  order_goal: {
    id: 'uuid',
    municipality_id: 'uuid',
    order_id: 'uuid',
    position: 'integer',
    text: 'text',
    indicator: 'text',
    target_date: 'date',
    condition_code: 'text',
    goal_type_code: 'text',
    baseline_support_need_code: 'text',
    target_support_need_code: 'text',
    version: 'integer',
    ended_on: 'date',
  },
  order_subgoal: {
    id: 'uuid',
    municipality_id: 'uuid',
    order_id: 'uuid',
    goal_id: 'uuid',
    text: 'text',
    target_date: 'date',
    created_by_name: 'text',
    created_at: 'timestamptz',
  },
  order_journal: {
    id: 'bigint',
    municipality_id: 'uuid',
    order_id: 'uuid',
    goal_id: 'uuid',
    written_on: 'date',
    body: 'text',
    author_name: 'text',
    created_at: 'timestamptz',
  },
  delivered_hours: {
    id: 'uuid',
    municipality_id: 'uuid',
    order_id: 'uuid',
    week_start: 'date',
    hours: 'numeric',
    registered_by_name: 'text',
    updated_at: 'timestamptz',
  },
  fko_status: {
    id: 'uuid',
    municipality_id: 'uuid',
    order_id: 'uuid',
    goal_id: 'uuid',
    kind: 'text',
    scored_on: 'date',
    support_need_code: 'text',
    justification: 'text',
    scored_by_name: 'text',
    created_at: 'timestamptz',
  },
  case_message: {
    id: 'bigint',
    municipality_id: 'uuid',
    case_id: 'uuid',
    order_id: 'uuid',
    channel: 'text',
    from_party: 'text',
    author_name: 'text',
    body: 'text',
    created_at: 'timestamptz',
  },
  follow_up: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    order_id: 'uuid',
    held_on: 'date',
    outcome: 'text',
    note: 'text',
    next_follow_up: 'date',
    decision_id: 'uuid',
    held_by_name: 'text',
    created_at: 'timestamptz',
  },
  complaint: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    decision_id: 'uuid',
    form: 'text',
    received_on: 'date',
    received_at: 'text',
    text: 'text',
    timeliness: 'text',
    status: 'text',
    reconsidered_on: 'date',
    reconsideration_reasons: 'text',
    forwarded_on: 'date',
    forwarding_document_id: 'uuid',
    appeal_outcome: 'text',
    appeal_decided_on: 'date',
    appeal_note: 'text',
    registered_by: 'uuid',
    version: 'integer',
    created_at: 'timestamptz',
  },
  outreach_contact: {
    id: 'uuid',
    municipality_id: 'uuid',
    case_id: 'uuid',
    kind: 'text',
    held_on: 'date',
    note: 'text',
    created_at: 'timestamptz',
  },
  case_event: {
    id: 'bigint',
    municipality_id: 'uuid',
    case_id: 'uuid',
    occurred_at: 'timestamptz',
    kind: 'text',
    subject: 'text',
    body: 'text',
    actor_name: 'text',
    actor_role: 'text',
    document_id: 'uuid',
  },
  task: {
    municipality_id: 'uuid',
    id: 'uuid',
    kind: 'text',
    audience: 'text',
    case_id: 'uuid',
    order_id: 'uuid',
    org_unit_id: 'uuid',
    record_type: 'text',
    record_id: 'text',
    summary: 'text',
    created_at: 'timestamptz',
    done_at: 'timestamptz',
    done_by: 'uuid',
    done_by_name: 'text',
    resolution: 'text',
    version: 'integer',
  },
  audit_log: {
    id: 'bigint',
    municipality_id: 'uuid',
    chain_seq: 'bigint',
    occurred_at: 'timestamptz',
    request_id: 'text',
    actor_user_id: 'uuid',
    actor_name: 'text',
    actor_role: 'text',
    actor_unit_id: 'uuid',
    actor_unit_name: 'text',
    action: 'text',
    purpose: 'text',
    citizen_id: 'uuid',
    record_type: 'text',
    record_id: 'text',
    criterion: 'text',
    details: 'jsonb',
    prev_hash: 'text',
    hash: 'text',
  },
  shelter_stay: {
    id: 'uuid',
    municipality_id: 'uuid',
    citizen_id: 'uuid',
    offer_id: 'uuid',
    shelter_name: 'text',
    arrived_on: 'date',
    left_on: 'date',
    outcome: 'text',
    registered_by_name: 'text',
    created_at: 'timestamptz',
  },
} as const satisfies Record<string, Record<string, string>>;

export type TableName = keyof typeof TABLES;
export type Row<T extends TableName> = { [C in keyof (typeof TABLES)[T]]: unknown };

const IDENTITY_TABLES: ReadonlySet<TableName> = new Set(['order_journal', 'case_message', 'case_event', 'audit_log']);
const ORDER = Object.keys(TABLES) as TableName[];

const COPY_SPECIAL = /[\\\t\n\r]/;
/** A value in COPY's text format: \\N for null, backslash escapes, bytea as \\x hex. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  const s = String(v);
  if (!COPY_SPECIAL.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export class RowWriter {
  private readonly buffers = new Map<TableName, unknown[][]>();
  private buffered = 0;
  readonly written = new Map<TableName, number>();
  /** Per table, the time its COPYs took (the database's share of the generation, to profile it). */
  readonly copyMs = new Map<TableName, number>();
  /** Per table, which of its columns the database has (read once). */
  private readonly present = new Map<TableName, boolean[]>();

  /** Per table, how many rows this writer had written when it last had the table analysed. */
  private readonly analysed = new Map<TableName, number>();

  /**
   * `analyse`: refresh the planner's statistics as tables grow (PostgreSQL). The whole municipality is written in one
   * transaction, which autovacuum cannot see into, and the foreign-key checks keep the plans they made when the
   * tables were empty: sequential scans of the referenced table for every row written, so generation slowed with the
   * square of the size (330 µs a row for the FKO statuses at 2 % of copenhagen). ANALYZE inside the transaction
   * counts its own rows and makes those plans be made again, with the index.
   */
  constructor(
    private readonly tx: AdminTx,
    private readonly batchRows = 5000,
    private readonly analyse = false,
  ) {}

  add<T extends TableName>(table: T, row: Row<T>): void {
    const columns = Object.keys(TABLES[table]) as (keyof Row<T>)[];
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = [];
      this.buffers.set(table, buffer);
    }
    buffer.push(columns.map((c) => row[c]));
    this.buffered++;
  }

  /** Writes everything buffered once enough has gathered (all tables, in foreign-key order). */
  async maybeFlush(): Promise<void> {
    if (this.buffered >= this.batchRows) await this.flush();
  }

  async flush(): Promise<void> {
    for (const table of ORDER) {
      const rows = this.buffers.get(table);
      if (!rows?.length) continue;
      this.buffers.set(table, []);
      if (await this.insert(table, rows)) this.written.set(table, (this.written.get(table) ?? 0) + rows.length);
    }
    this.buffered = 0;
    if (!this.analyse) return;
    // Each time a table has doubled (from 1,000 rows on): a few dozen ANALYZEs in all, each of a 30,000-row sample.
    for (const [table, n] of this.written) {
      if (n >= Math.max(1000, 2 * (this.analysed.get(table) ?? 0))) {
        await this.tx.query(`analyze ${table}`);
        this.analysed.set(table, n);
      }
    }
  }

  /** Writes the rows; false if the database has no such table yet (a later migration adds it: the upgrade test). */
  private async insert(table: TableName, rows: unknown[][]): Promise<boolean> {
    // Values still being made (letters rendered in worker threads) are awaited here, at the last moment.
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) if (row[i] instanceof Promise) row[i] = await row[i];
    }
    const spec = TABLES[table] as Record<string, string>;
    const all = Object.keys(spec);
    const present = await this.columnsPresent(table, all);
    const columns = all.filter((_, i) => present[i]);
    // A table the database does not have yet (an older migration): nothing of it is written.
    if (columns.length === 0) return false;
    const data = columns.length < all.length ? rows.map((r) => r.filter((_, i) => present[i])) : rows;
    // COPY's text format: parsed in C on both databases, no array parameters to build and unnest (PostgreSQL: about
    // half the database's CPU of `insert … select from unnest(…)` and a third of Node's).
    // One string per row, joined once: a string grown value by value is a rope of millions of pieces that Node
    // must flatten (and collect) before sending it.
    const lines = new Array<string>(data.length + 1);
    for (let j = 0; j < data.length; j++) lines[j] = (data[j] as unknown[]).map(copyText).join('\t');
    lines[data.length] = '';
    const text = lines.join('\n');
    const t0 = performance.now();
    await this.tx.copyFrom(`copy ${table} (${columns.join(', ')})`, text);
    this.copyMs.set(table, (this.copyMs.get(table) ?? 0) + performance.now() - t0);
    return true;
  }

  /**
   * A column the database does not have yet is left out: the generator can fill a database at an older migration
   * (the tenant-keys upgrade test loads the demo history at 0011, before audit_log.chain_seq).
   */
  private async columnsPresent(table: TableName, columns: string[]): Promise<boolean[]> {
    let present = this.present.get(table);
    if (!present) {
      const rows = await this.tx.query<{ name: string }>(
        `select column_name as name from information_schema.columns where table_schema = 'public' and table_name = $1`,
        [table],
      );
      const have = new Set(rows.map((r) => r.name));
      present = columns.map((c) => have.has(c));
      this.present.set(table, present);
    }
    return present;
  }

  /** After explicit identity values, the sequences continue after the highest id. */
  async resetIdentities(): Promise<void> {
    for (const table of IDENTITY_TABLES) {
      await this.tx.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
      );
    }
  }
}
