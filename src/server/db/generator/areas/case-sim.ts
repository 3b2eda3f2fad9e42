import { type CaseAction, type CaseStatus, nextStatus } from '../../../../rules/cases/case-state-machine.ts';
import type { DeadlineKind } from '../../../../rules/deadlines/deadline-rules.ts';
import { type ComputedDeadline, computeDeadline } from '../../../../rules/deadlines/deadlines.ts';
import type { AuditAction, AuditPurpose } from '../../../../shared/audit/audit.schema.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import { type Actor, type CitizenRef, type Generation, type Municipality, nextIdentity } from '../context.ts';
import type { Rng } from '../random.ts';
import { addDays, instantAt, officeMinute, workingDayAfter } from '../time.ts';
import type { Row, TableName } from '../writer.ts';
import type { AssessmentState } from './assessments.ts';
import type { DecisionState } from './decisions.ts';
import type { DocumentKind } from './letters.ts';
import type { OrderState } from './orders.ts';
import { type TaskDraft, writeTasks } from './tasks.ts';

/** What a case is about: the paragraph applied for, the service-level description to decide it under. */
export type CasePlan = {
  /** The paragraph asked for, as the requests name it ("85", "107", …). */
  paragraph: string;
  dayOffer: boolean;
  openedOn: PlainDate;
  channel: 'pre_visitation' | 'outreach_advice' | 'letter' | 'digital' | 'phone';
  /** Named citizens' scripts force parts of the story. */
  script: CaseScript | null;
};

/** What a named citizen's case must show (the README and the tests rely on it); the rest is drawn as usual. */
export type CaseScript = {
  paragraph: string;
  openedDaysAgo: number;
  outcome?: 'granted' | 'partly_granted' | 'refused';
  offerKey?: string;
  /** The complaint's track: none, or where it stands today. */
  complaint?: 'none' | 'maintained_confirmed' | 'in_reconsideration' | 'forwarded_pending';
  citizenMessages?: boolean;
  /** Never ends in a follow-up (the support runs today). */
  keepRunning?: boolean;
  /** The case stops at this status (the next step has not been taken yet). */
  stage?: 'request_received' | 'receipt_sent' | 'assessment' | 'decided';
  /** Delivery has fallen below the frame in the last weeks (the hours flag). */
  deviating?: boolean;
  /** The provider has not scored the latest quarterly FKO status (it is overdue). */
  fkoOverdue?: boolean;
  /** The provider asked about the new order and holds it; the question waits for the caseworker's answer. */
  orderQuestion?: boolean;
  /** The new order waits for the provider to accept it. */
  awaitingAcceptance?: boolean;
  /** The grant is above the highest citizen profile: proposed, it waits for the team leader's approval. */
  awaitingApproval?: boolean;
};

type Transition = { at: number; action: CaseAction | 'bump' };

export type DeadlineRow = {
  id: string;
  kind: DeadlineKind;
  from_date: PlainDate;
  due_date: PlainDate;
  ends_at_time: string;
  rule_version: string;
  source: string;
  met_on: PlainDate | null;
  notice_sent_on: PlainDate | null;
  lapsed_on: PlainDate | null;
  created_at: string;
};

const PURPOSE: Record<Actor['role'], AuditPurpose> = {
  caseworker: 'case_processing',
  team_leader: 'case_processing',
  administrator: 'administration',
  analyst: 'supervision',
  provider_staff: 'follow_up',
  citizen: 'citizen_self_service',
};

/**
 * One case as it lives through its history: every step is dated, checked against the case state machine when it
 * happens, journalised, audited and, where the use case would, written as a letter. Steps on or after "today" do
 * not happen: a case stops where the calendar stops it, which gives every stage its share of open cases and
 * deadlines that are met, late, soon due or overdue. Rows are written when the case is done, in the order the use
 * cases would have written them.
 */
export class CaseSim {
  readonly id: string;
  /** The case's journal number, as the database assigns it on insert; every letter on the case carries it. */
  readonly journalNumber: string;
  status: CaseStatus = 'request_received';
  /** The day of the newest step of the flow being simulated. */
  day: PlainDate;
  readonly decisions: DecisionState[] = [];
  readonly deadlines: DeadlineRow[] = [];
  readonly transitions: Transition[] = [];
  hasOrder = false;
  assessment: AssessmentState | undefined;
  readonly orders: OrderState[] = [];
  /** A complaint in reconsideration or with Ankestyrelsen, until the day it is settled. */
  complaintOpenUntil: PlainDate | null = null;
  private readonly rows: { table: TableName; row: Record<string, unknown>; at: number }[] = [];
  private readonly minutes = new Map<string, number>();
  /** Tasks the case's events put in an inbox (areas/tasks.ts), written after the messages they name. */
  readonly tasks: TaskDraft[] = [];
  /** Rows whose final state is known only at the end (orders, goals, complaints, the assessment). */
  readonly finalizers: (() => void)[] = [];

  constructor(
    readonly g: Generation,
    readonly m: Municipality,
    readonly rng: Rng,
    readonly citizen: CitizenRef,
    readonly caseworker: Actor,
    readonly plan: CasePlan,
  ) {
    this.id = m.ids('case_file').next();
    this.day = plan.openedOn;
    this.journalNumber = m.nextJournalNumber(Number(plan.openedOn.slice(0, 4)));
  }

  /** The last day a step may happen on: yesterday. */
  get lastDay(): PlainDate {
    return addDays(this.g.today, -1);
  }

  /** A working day `min`–`max` days after `from`, or null when that is today or later (the step has not happened). */
  after(from: PlainDate, min: number, max: number): PlainDate | null {
    const d = workingDayAfter(from, this.rng.int(min, max));
    return d < this.g.today ? d : null;
  }

  /** A step on `date`: the case's newest day moves on, and the step gets its instant. */
  step(date: PlainDate): Date {
    if (date > this.day) this.day = date;
    return this.at(date);
  }

  /** The instant of a step on `date`: in office hours, after the case's earlier steps that day. */
  at(date: PlainDate): Date {
    const previous = this.minutes.get(date);
    const minute = previous === undefined ? officeMinute(this.rng) : Math.min(previous + this.rng.int(2, 25), 21 * 60);
    this.minutes.set(date, minute);
    return instantAt(date, minute);
  }

  /** An action on the case, checked against the state machine now and replayed in time order when written. */
  act(action: CaseAction, at: Date): void {
    this.transitions.push({ at: at.getTime(), action });
    // Actions that keep the status (a complaint, a notice, a note) are checked when replayed in time order: the
    // complaint track is simulated after the order track it runs beside.
    if (KEEPS_STATUS.has(action)) return;
    const next = nextStatus(this.status, action);
    if (!next) throw new Error(`generator: ${action} is not allowed in ${this.status} (case ${this.id})`);
    this.status = next;
  }

  /** A change that moves the case's version without changing its status (a follow-up that continues support). */
  bump(at: Date): void {
    this.transitions.push({ at: at.getTime(), action: 'bump' });
  }

  add<T extends TableName>(table: T, row: Row<T>, at: Date): void {
    this.rows.push({ table, row: row as Record<string, unknown>, at: at.getTime() });
  }

  journal(at: Date, actor: Actor, kind: string, subject: string, body: string | null, documentId: string | null = null): void {
    this.add(
      'case_event',
      {
        id: 0,
        municipality_id: this.m.id,
        case_id: this.id,
        occurred_at: at.toISOString(),
        kind,
        subject,
        body,
        actor_name: actor.name,
        actor_role: actor.role,
        document_id: documentId,
      },
      at,
    );
  }

  audit(
    at: Date,
    actor: Actor,
    action: AuditAction,
    recordType: string,
    recordId: string | null,
    details: Record<string, unknown> | null = null,
  ): void {
    this.g.audit.add(this.m, {
      at,
      actor,
      action,
      purpose: PURPOSE[actor.role],
      citizenIndex: this.citizen.index,
      recordType,
      recordId,
      details,
    });
  }

  /** The staff member reads the case before acting on it (the size says how many reads go with an action). */
  reads(at: Date, actor: Actor): void {
    for (let i = 0; i < this.g.size.readsPerAction; i++) {
      const before = new Date(at.getTime() - (i + 1) * this.rng.int(1, 6) * 60_000);
      this.audit(before, actor, 'read', 'case', this.id);
    }
  }

  deadline(d: ComputedDeadline, at: Date): DeadlineRow {
    const row: DeadlineRow = {
      id: this.m.ids('case_deadline').next(),
      kind: d.kind,
      from_date: d.from,
      due_date: d.due,
      ends_at_time: d.endsAtTime,
      rule_version: d.ruleVersion,
      source: d.source,
      met_on: null,
      notice_sent_on: null,
      lapsed_on: null,
      created_at: at.toISOString(),
    };
    this.deadlines.push(row);
    return row;
  }

  compute(kind: DeadlineKind, from: PlainDate): ComputedDeadline {
    return computeDeadline(kind, from, this.m.rules);
  }

  /** As the repository does: the open, not lapsed deadlines of a kind are met on `on`. */
  meet(kind: DeadlineKind, on: PlainDate): void {
    for (const d of this.deadlines) if (d.kind === kind && d.met_on === null && d.lapsed_on === null) d.met_on = on;
  }

  lapse(kinds: readonly DeadlineKind[], on: PlainDate): void {
    for (const d of this.deadlines) if (kinds.includes(d.kind) && d.met_on === null && d.lapsed_on === null) d.lapsed_on = on;
  }

  /** A letter to the citizen (or Ankestyrelsen), journalised on the case: one place, the letters area. */
  async letter(
    kind: DocumentKind,
    on: PlainDate,
    at: Date,
    author: Actor,
    body: Parameters<Generation['letters']['document']>[2]['body'],
  ) {
    const { row, letter } = this.g.letters.document(
      this.m,
      { caseId: this.id, journalNumber: this.journalNumber, citizen: this.citizen },
      { id: this.m.ids('case_document').next(), kind, on, body, author, createdAt: at.toISOString() },
    );
    this.add('case_document', row, at);
    return { id: row.id as string, letter };
  }

  /** A decision that is not fully in the citizen's favour carries complaint guidance and a complaint deadline. */
  latestDecision(): DecisionState | undefined {
    return this.decisions.at(-1);
  }

  /** Writes the case: its rows in time order, the journal and messages with their ids, and the replayed status. */
  finish(): void {
    const g = this.g;
    for (const f of this.finalizers) f();
    const ordered = [...this.transitions].sort((a, b) => a.at - b.at);
    let status: CaseStatus = 'request_received';
    let version = 1;
    for (const t of ordered) {
      if (t.action === 'bump') {
        version++;
        continue;
      }
      const next = nextStatus(status, t.action);
      if (!next) throw new Error(`generator: replay refuses ${t.action} in ${status} (case ${this.id})`);
      status = next;
      if (VERSIONED.has(t.action)) version++;
    }
    if (status !== this.status) throw new Error(`generator: replay ends in ${status}, the case in ${this.status}`);
    const opened = instantAt(this.plan.openedOn, 8 * 60);
    g.writer.add('case_file', {
      id: this.id,
      municipality_id: this.m.id,
      citizen_id: this.citizen.id,
      caseworker_id: this.caseworker.userId,
      status,
      title: this.title,
      opened_on: this.plan.openedOn,
      day_offer: this.plan.dayOffer,
      version,
      created_at: opened.toISOString(),
    });
    for (const d of this.deadlines) g.writer.add('case_deadline', { ...d, municipality_id: this.m.id, case_id: this.id });
    const rows = this.rows.sort((a, b) => a.at - b.at);
    for (const { table, row } of rows) {
      if (table === 'case_event' || table === 'case_message' || table === 'order_journal') {
        const id = nextIdentity(g, table);
        if (table === 'case_message') this.messageIds.get(row)?.(id);
        g.writer.add(table, { ...row, id } as Row<typeof table>);
      } else {
        g.writer.add(table, row as Row<typeof table>);
      }
    }
    writeTasks(this, this.tasks, (unitId) => this.m.offers.find((o) => o.unitId === unitId)?.staff[0] ?? this.caseworker);
  }

  /** An event that puts a task in an inbox, as the use case where it happens would (modules/tasks). */
  task(t: TaskDraft): void {
    this.tasks.push(t);
  }

  title = '';
  what = '';

  /** The citizen's own log-in, made the first time they write (as a first MitID log-in would). */
  citizenUser(): Actor {
    const c = this.citizen;
    if (!c.user) {
      c.user = {
        userId: this.m.ids('app_user').next(),
        name: `${c.firstName} ${c.lastName}`,
        role: 'citizen',
        unitId: null,
        unitName: null,
      };
      this.g.writer.add('app_user', {
        id: c.user.userId,
        municipality_id: this.m.id,
        name: c.user.name,
        role: 'citizen',
        unit_id: null,
        citizen_id: c.id,
        oidc_subject: `generated-citizen-${this.m.code}-${c.cpr}`,
        is_demo: false,
        created_at: instantAt(this.g.historyStart, 8 * 60).toISOString(),
      });
    }
    return c.user;
  }
  /** Audit rows name a message by its id, known only when written: they are added then. */
  readonly messageIds = new Map<Record<string, unknown>, (id: number) => void>();

  /** A message on the case (citizen channel, or about an order with the provider), journalised and audited. */
  message(
    at: Date,
    author: Actor,
    m: {
      channel: 'citizen' | 'provider';
      fromParty: 'authority' | 'provider' | 'citizen';
      orderId: string | null;
      body: string;
      authorName?: string;
    },
    journal: string,
  ): { id: string | null } {
    const holder: { id: string | null } = { id: null };
    const row = {
      id: 0,
      municipality_id: this.m.id,
      case_id: this.id,
      order_id: m.orderId,
      channel: m.channel,
      from_party: m.fromParty,
      author_name: m.authorName ?? author.name,
      body: m.body,
      created_at: at.toISOString(),
    };
    this.add('case_message', row, at);
    this.journal(at, author, 'message', journal, m.body);
    this.messageIds.set(row, (id) => {
      holder.id = String(id);
      this.g.audit.add(this.m, {
        at,
        actor: author,
        action: 'create',
        purpose: PURPOSE[author.role],
        citizenIndex: this.citizen.index,
        recordType: 'case_message',
        recordId: String(id),
      });
    });
    return holder;
  }
}

const KEEPS_STATUS = new Set<CaseAction>(['register_complaint', 'send_deadline_notice', 'add_note']);

/** The actions whose use case moves the case's version (setStatus). */
const VERSIONED = new Set<CaseAction>([
  'send_receipt',
  'start_assessment',
  'decide_grant',
  'decide_refuse',
  'request_approval',
  'order',
  'reopen_for_new_decision',
  'close',
]);

/** Closing the case with the reason in the journal (withdrawn, a refusal that stands, support ended). */
export function close(sim: CaseSim, on: PlainDate, reason: string): void {
  const at = sim.step(on);
  sim.reads(at, sim.caseworker);
  sim.act('close', at);
  sim.journal(at, sim.caseworker, 'closed', 'Sagen er lukket', reason);
  sim.audit(at, sim.caseworker, 'update', 'case', sim.id, { change: 'closed' });
}
