import { assessmentCompleteness } from '../../../rules/assessment/completeness.ts';
import { allowedActions, type CaseStatus } from '../../../rules/cases/case-state-machine.ts';
import { decisionFrameProblems, offerDeliversBasis, reducesSupport } from '../../../rules/cases/decision-rules.ts';
import { versionInForce } from '../../../rules/catalogue/version-lifecycle.ts';
import { COMPLAINT_TRANSITIONS, type ComplaintStatus, isComplaintOpen } from '../../../rules/complaints/complaint-rules.ts';
import { noticeAllowed } from '../../../rules/deadlines/deadline-notice.ts';
import { type DeadlineKind, deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { computeDeadline, deadlineState, deadlineStatus, dueWindow } from '../../../rules/deadlines/deadlines.ts';
import { OUTREACH_LIMITS, outreachStatus } from '../../../rules/outreach/outreach-rules.ts';
import { profileInBands } from '../../../rules/profiles/citizen-profiles.ts';
import type { Page, PageQuery } from '../../../shared/api/page.ts';
import { pageOffset } from '../../../shared/api/page.ts';
import type { Assessment, SaveAssessment } from '../../../shared/assessment/assessment.schema.ts';
import { ASSESSMENT_THEMES } from '../../../shared/assessment/ffb-terms.ts';
import type { CaseDetail, CaseListItem, OpenCase } from '../../../shared/cases/case.schema.ts';
import {
  type DeadlineNotice,
  type LetterView,
  letterSchema,
  type OutreachContact,
} from '../../../shared/cases/complaint.schema.ts';
import type { Decide } from '../../../shared/cases/decision.schema.ts';
import type { Order } from '../../../shared/cases/order.schema.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, conflict, fieldError, invalidTransition, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import {
  audit,
  complaintGuidance,
  conflictOn,
  danishDate,
  journal,
  journaliseLetter,
  loadCase,
  storeDeadlines,
  today,
  transition,
} from './cases.helpers.ts';
import { casesRepository } from './cases.repository.ts';

/** What the notice promises, per deadline kind. */
const NOTICE_WHAT: Partial<Record<DeadlineKind, string>> = {
  receipt: 'at sende dig en kvittering',
  decision: 'at træffe afgørelse i din sag',
  decision_day_offer: 'at træffe afgørelse i din sag',
  start: 'at sætte din støtte i gang',
};

export const casesService = {
  /**
   * A request opens a case, and starts its deadlines: the receipt (14 days) and the decision (3 months, or 2 for
   * a day offer), each stored with the rule set that computed it.
   */
  async open(ctx: RequestContext, input: OpenCase): Promise<{ id: string }> {
    return runUseCase(ctx, async (tx) => {
      const citizen = await casesRepository.citizenForCase(tx, input.citizenId);
      if (!citizen) throw notFound();
      const id = await casesRepository.insertCase(tx, {
        municipality_id: ctx.actor.municipalityId,
        citizen_id: citizen.id,
        caseworker_id: ctx.actor.userId,
        status: 'request_received',
        title: input.what.length > 80 ? `${input.what.slice(0, 77)}…` : input.what,
        opened_on: input.receivedOn,
        day_offer: input.dayOffer,
      });
      await casesRepository.insertRequest(tx, {
        municipality_id: ctx.actor.municipalityId,
        case_id: id,
        channel: input.channel,
        received_on: input.receivedOn,
        requested_by: input.requestedBy,
        requester_name: input.requesterName,
        what: input.what,
      });
      const rules = deadlineRulesFor(ctx.actor.municipalityCode);
      const kinds = ['receipt', input.dayOffer ? 'decision_day_offer' : 'decision'] as const;
      await casesRepository.insertDeadlines(
        tx,
        kinds.map((kind) => {
          const d = computeDeadline(kind, input.receivedOn, rules);
          return {
            municipality_id: ctx.actor.municipalityId,
            case_id: id,
            kind,
            from_date: d.from,
            due_date: d.due,
            ends_at_time: d.endsAtTime,
            rule_version: d.ruleVersion,
            source: d.source,
          };
        }),
      );
      await journal(tx, ctx, id, 'request', 'Henvendelse modtaget', input.what);
      await audit(tx, ctx, { action: 'create', citizenId: citizen.id, recordType: 'case', recordId: id });
      return { id };
    });
  },

  async read(ctx: RequestContext, id: string): Promise<CaseDetail> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const deadlines = await casesRepository.deadlines(tx, id);
      const events = await casesRepository.events(tx, id);
      const documents = await casesRepository.documents(tx, [id]);
      const decisions = await casesRepository.decisions(tx, [id]);
      const order = await casesRepository.orderOf(tx, id);
      const complaints = await casesRepository.complaints(tx, [id]);
      const outreach = c.channel === 'outreach_advice' ? await casesRepository.outreachContacts(tx, id) : null;
      const messages = await casesRepository.messages(tx, { caseIds: [id], channel: 'citizen' });
      await audit(tx, ctx, { action: 'read', citizenId: c.citizen_id, recordType: 'case', recordId: id });
      const now = today();
      const courseStartedOn = (outreach?.find((o) => o.kind === 'course_start')?.held_on ?? null) as PlainDate | null;
      return {
        id: c.id,
        citizen: { id: c.citizen_id, name: `${c.first_name} ${c.last_name}`, cpr: c.cpr },
        status: c.status,
        title: c.title,
        openedOn: c.opened_on as PlainDate,
        dayOffer: c.day_offer,
        version: c.version,
        allowedActions: allowedActions(c.status as CaseStatus),
        request: {
          channel: c.channel as CaseDetail['request']['channel'],
          receivedOn: c.received_on as PlainDate,
          requestedBy: c.requested_by as CaseDetail['request']['requestedBy'],
          requesterName: c.requester_name,
          what: c.what,
        },
        deadlines: deadlines.map((d) => ({
          kind: d.kind,
          fromDate: d.from_date as PlainDate,
          dueDate: d.due_date as PlainDate,
          endsAtTime: d.ends_at_time,
          ruleVersion: d.rule_version,
          source: d.source,
          metOn: d.met_on as PlainDate | null,
          status: deadlineState(d.due_date as PlainDate, d.met_on as PlainDate | null, now),
          noticeAllowed: noticeAllowed(d.kind as DeadlineKind, d.met_on),
          noticeSentOn: d.notice_sent_on as PlainDate | null,
        })),
        events: events.map((e) => ({
          id: e.id,
          occurredAt: new Date(e.occurred_at).toISOString(),
          kind: e.kind,
          subject: e.subject,
          body: e.body,
          actorName: e.actor_name,
          documentId: e.document_id,
        })),
        documents: documents.map((d) => ({
          id: d.id,
          kind: d.kind,
          title: d.title,
          journalisedOn: d.journalised_on as PlainDate,
          hasPreview: d.has_letter,
        })),
        decisions: decisions.map((d) => ({
          id: d.id,
          outcome: d.outcome as CaseDetail['decisions'][number]['outcome'],
          kind: d.kind as CaseDetail['decisions'][number]['kind'],
          legalBasis: d.legal_basis,
          serviceTitle: d.service_title,
          serviceVersionNumber: d.version_number,
          weeklyHours: d.weekly_hours === null ? null : Number(d.weekly_hours),
          profileCode: d.profile_code,
          moduleDays: d.module_days,
          startDate: d.start_date as PlainDate | null,
          timeLimitUntil: d.time_limit_until as PlainDate | null,
          reasons: d.reasons,
          partyHearing: d.party_hearing as 'done' | 'not_needed',
          partyHearingNote: d.party_hearing_note,
          decidedOn: d.decided_on as PlainDate,
          letterDocumentId: d.letter_document_id,
        })),
        order: order
          ? {
              id: order.id,
              offerName: order.offer_name,
              orderedOn: order.ordered_on as PlainDate,
              firstFollowUp: order.first_follow_up as PlainDate,
              actionPlan: order.action_plan as NonNullable<CaseDetail['order']>['actionPlan'],
              goals: order.goals.map((g) => ({
                position: g.position,
                text: g.text,
                indicator: g.indicator,
                targetDate: g.target_date as PlainDate,
                conditionCode: g.condition_code,
                goalTypeCode: g.goal_type_code,
                baselineSupportNeedCode: g.baseline_support_need_code,
                targetSupportNeedCode: g.target_support_need_code,
              })),
            }
          : null,
        complaints: complaints.map((x) => ({
          id: x.id,
          decisionId: x.decision_id,
          form: x.form as CaseDetail['complaints'][number]['form'],
          receivedOn: x.received_on as PlainDate,
          receivedAt: x.received_at,
          text: x.text,
          timeliness: x.timeliness as 'in_time' | 'late',
          status: x.status as ComplaintStatus,
          reconsideredOn: x.reconsidered_on as PlainDate | null,
          reconsiderationReasons: x.reconsideration_reasons,
          forwardedOn: x.forwarded_on as PlainDate | null,
          forwardingDocumentId: x.forwarding_document_id,
          appealOutcome: x.appeal_outcome as CaseDetail['complaints'][number]['appealOutcome'],
          appealDecidedOn: x.appeal_decided_on as PlainDate | null,
          appealNote: x.appeal_note,
          allowedActions: Object.keys(COMPLAINT_TRANSITIONS[x.status as ComplaintStatus]),
          version: x.version,
        })),
        outreach: outreach
          ? {
              ...outreachStatus({ talks: outreach.filter((o) => o.kind === 'clarifying_talk').length, courseStartedOn }, now),
              courseStartedOn,
              contacts: outreach.map((o) => ({ kind: o.kind, heldOn: o.held_on as PlainDate, note: o.note })),
            }
          : null,
        messages: messages.map((m) => ({
          id: m.id,
          fromParty: m.from_party as 'authority' | 'citizen',
          authorName: m.author_name,
          body: m.body,
          createdAt: new Date(m.created_at).toISOString(),
        })),
      };
    });
  },

  /** The letter behind a journalised PDF, for the browser preview; reading it is a read of personal data. */
  async letter(ctx: RequestContext, id: string, documentId: string): Promise<LetterView> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const doc = await casesRepository.documentLetter(tx, id, documentId);
      if (!doc?.letter) throw notFound();
      await audit(tx, ctx, { action: 'read', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
      return letterSchema.parse(doc.letter);
    });
  },

  /**
   * The written notice that a deadline cannot be kept (retssikkerhedsloven § 3, stk. 2): why, and when the citizen
   * can expect the step instead. Generated as a letter, journalised, and recorded on the deadline.
   */
  async deadlineNotice(ctx: RequestContext, id: string, input: DeadlineNotice): Promise<{ documentId: string }> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      transition(c, 'send_deadline_notice');
      const deadline = (await casesRepository.deadlines(tx, id)).find(
        (d) => d.kind === input.kind && noticeAllowed(d.kind as DeadlineKind, d.met_on),
      );
      if (!deadline) throw fieldError('kind', 'notice.kind');
      if (input.expectedBy <= deadline.due_date) throw fieldError('expectedBy', 'notice.expectedBy');
      const on = today();
      const what = NOTICE_WHAT[input.kind as DeadlineKind] ?? 'næste skridt i din sag';
      const documentId = await journaliseLetter(tx, ctx, c, {
        kind: 'missed_deadline_notice',
        title: 'Varsel om overskredet frist',
        on,
        subject: 'Vi kan ikke overholde fristen i din sag',
        paragraphs: [
          `Vi har lovet ${what} senest den ${danishDate(deadline.due_date)}. Den frist kan vi desværre ikke overholde.`,
          `Årsagen er: ${input.reason}`,
          `Du kan forvente ${what} senest den ${danishDate(input.expectedBy)}.`,
          'Vi skriver til dig efter retssikkerhedsloven § 3, stk. 2, fordi en myndighed skal give besked, når den ikke kan holde sin frist.',
          'Du er velkommen til at kontakte os, hvis du har spørgsmål. Husk at oplyse dit sagsnummer.',
        ],
      });
      await casesRepository.markNoticeSent(tx, id, input.kind, on);
      await journal(tx, ctx, id, 'deadline_notice', 'Varsel om overskredet frist sendt', input.reason, documentId);
      await audit(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
      return { documentId };
    });
  },

  /**
   * Outreach advice (seed 003): a clarifying talk (at most 3) or the start of the ½-year advice course, counted on
   * the case, which must have come in through outreach advice.
   */
  async outreachContact(ctx: RequestContext, id: string, input: OutreachContact): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      transition(c, 'add_note');
      if (c.channel !== 'outreach_advice') throw conflictOn('kind', 'outreach.notOutreach');
      const contacts = await casesRepository.outreachContacts(tx, id);
      if (input.kind === 'clarifying_talk') {
        const talks = contacts.filter((o) => o.kind === 'clarifying_talk').length;
        if (talks >= OUTREACH_LIMITS.clarifyingTalks.max) throw conflictOn('kind', 'outreach.talks.limit');
      } else if (contacts.some((o) => o.kind === 'course_start')) {
        throw conflictOn('kind', 'outreach.course.started');
      }
      await casesRepository.insertOutreachContact(tx, {
        municipality_id: ctx.actor.municipalityId,
        case_id: id,
        kind: input.kind,
        held_on: input.heldOn,
        note: input.note || null,
      });
      await journal(
        tx,
        ctx,
        id,
        'outreach',
        input.kind === 'clarifying_talk' ? 'Afklaringssamtale (fremskudt rådgivning)' : 'Råd- og vejledningsforløb startet',
        input.note || null,
      );
      await audit(tx, ctx, {
        action: 'update',
        citizenId: c.citizen_id,
        recordType: 'case',
        recordId: id,
        details: { change: `outreach:${input.kind}` },
      });
    });
  },

  /** The receipt letter is generated, not typed, journalised on the case, and meets the receipt deadline. */
  async sendReceipt(ctx: RequestContext, id: string, version: number): Promise<{ documentId: string; version: number }> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const next = transition(c, 'send_receipt');
      const deadlines = await casesRepository.deadlines(tx, id);
      const decision = deadlines.find((d) => d.kind === 'decision' || d.kind === 'decision_day_offer');
      const on = today();
      const months = c.day_offer ? '2 måneder' : '3 måneder';
      const documentId = await journaliseLetter(tx, ctx, c, {
        kind: 'receipt_letter',
        title: 'Kvittering for henvendelse',
        on,
        subject: 'Kvittering for din henvendelse',
        paragraphs: [
          `Vi har modtaget din henvendelse den ${danishDate(c.received_on)} om: ${c.what}`,
          `Din sag behandles af ${ctx.actor.unitName ?? ctx.actor.municipalityName}. Vores sagsbehandlingstid er op til ${months}, og vi forventer at træffe afgørelse senest den ${decision ? danishDate(decision.due_date) : ''}.`,
          'Hvis vi ikke kan træffe afgørelse inden fristen, skriver vi til dig og fortæller hvorfor, og hvornår du kan forvente en afgørelse (retssikkerhedsloven § 3, stk. 2).',
          'Du er velkommen til at kontakte os, hvis du har spørgsmål. Husk at oplyse dit sagsnummer.',
        ],
      });
      await casesRepository.markDeadlineMet(tx, id, 'receipt', on);
      if (!(await casesRepository.setStatus(tx, id, version, next))) throw conflict();
      await journal(tx, ctx, id, 'receipt', 'Kvittering sendt', null, documentId);
      await audit(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
      return { documentId, version: version + 1 };
    });
  },

  /**
   * Closing a case (withdrawn request, refusal that stands, support ended) with the reason journalised. A complaint
   * still under way keeps the case open.
   */
  async close(ctx: RequestContext, id: string, input: { version: number; reason: string }): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const next = transition(c, 'close');
      const complaints = await casesRepository.complaints(tx, [id]);
      if (complaints.some((x) => isComplaintOpen(x.status))) {
        throw conflictOn('complaint', 'complaint.open');
      }
      if (!(await casesRepository.setStatus(tx, id, input.version, next))) throw conflict();
      await journal(tx, ctx, id, 'closed', 'Sagen er lukket', input.reason);
      await audit(tx, ctx, {
        action: 'update',
        citizenId: c.citizen_id,
        recordType: 'case',
        recordId: id,
        details: { change: 'closed' },
      });
    });
  },

  /** An answer to the citizen, shown on their own page; journalised like every other step. */
  async messageCitizen(ctx: RequestContext, id: string, body: string): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      transition(c, 'add_note');
      const messageId = await casesRepository.insertMessage(tx, {
        municipality_id: ctx.actor.municipalityId,
        case_id: id,
        order_id: null,
        channel: 'citizen',
        from_party: 'authority',
        author_name: ctx.actor.name,
        body,
      });
      await journal(tx, ctx, id, 'message', 'Besked til borgeren', body);
      await audit(tx, ctx, {
        action: 'create',
        citizenId: c.citizen_id,
        recordType: 'case_message',
        recordId: String(messageId),
      });
    });
  },

  /** A journal note (notatpligt): allowed in every status. */
  async addNote(ctx: RequestContext, id: string, note: { subject: string; body: string }): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      transition(c, 'add_note');
      await journal(tx, ctx, id, 'note', note.subject, note.body || null);
      await audit(tx, ctx, {
        action: 'update',
        citizenId: c.citizen_id,
        recordType: 'case',
        recordId: id,
        details: { change: 'note' },
      });
    });
  },

  /** A journalised document, as PDF; fetching it is an extract of personal data and is logged as one. */
  async document(ctx: RequestContext, id: string, documentId: string): Promise<{ title: string; content: Uint8Array }> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const doc = await casesRepository.documentContent(tx, id, documentId);
      if (!doc) throw notFound();
      await audit(tx, ctx, { action: 'export', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
      return { title: doc.title, content: doc.content };
    });
  },

  /** "My cases" (or the team's): overdue deadlines first, then those due within 7 days, then the rest. */
  async list(
    ctx: RequestContext,
    q: PageQuery & { scope: 'mine' | 'team'; due: 'all' | 'overdue' | 'due_soon' },
  ): Promise<Page<CaseListItem>> {
    return runUseCase(ctx, async (tx) => {
      const caseworkerId = q.scope === 'team' && ctx.actor.role === 'team_leader' ? null : ctx.actor.userId;
      const now = today();
      const due = q.due === 'all' ? null : dueWindow(q.due, now);
      const { items, total } = await casesRepository.list(tx, { caseworkerId, due }, q.pageSize, pageOffset(q));
      await audit(tx, ctx, {
        action: 'search',
        recordType: 'case',
        criterion: `cases:${q.scope}:${q.due}`,
        details: { hits: total },
      });
      return {
        items: items.map((i) => ({
          id: i.id,
          citizenName: `${i.first_name} ${i.last_name}`,
          title: i.title,
          status: i.status,
          nextDeadline:
            i.next_due && i.next_kind
              ? { kind: i.next_kind, dueDate: i.next_due as PlainDate, status: deadlineStatus(i.next_due as PlainDate, now) }
              : null,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  },

  /** Starting the assessment (udredning) moves the case on and opens an empty VUM assessment. */
  async startAssessment(ctx: RequestContext, id: string, version: number): Promise<{ version: number }> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const next = transition(c, 'start_assessment');
      if (!(await casesRepository.setStatus(tx, id, version, next))) throw conflict();
      if (!(await casesRepository.assessmentOf(tx, id))) {
        await casesRepository.insertAssessment(tx, { municipality_id: ctx.actor.municipalityId, case_id: id });
      }
      await journal(tx, ctx, id, 'assessment_started', 'Udredning påbegyndt (VUM)', null);
      await audit(tx, ctx, {
        action: 'update',
        citizenId: c.citizen_id,
        recordType: 'case',
        recordId: id,
        details: { change: 'assessment_started' },
      });
      return { version: version + 1 };
    });
  },

  /** The assessment with every FFB theme, what is filled in, and what is still missing before a proposal. */
  async assessment(ctx: RequestContext, id: string): Promise<Assessment> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const a = await casesRepository.assessmentOf(tx, id);
      if (!a) throw notFound();
      const rows = await casesRepository.assessmentThemes(tx, a.id);
      await audit(tx, ctx, { action: 'read', citizenId: c.citizen_id, recordType: 'assessment', recordId: a.id });
      return assessmentView(id, a, rows);
    });
  },

  async saveAssessment(ctx: RequestContext, id: string, input: SaveAssessment): Promise<Assessment> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      if (c.status !== 'assessment') throw invalidTransition(`the assessment cannot change in ${c.status}`);
      const a = await casesRepository.assessmentOf(tx, id);
      if (!a) throw notFound();
      const themes = input.themes.map((t) => ({
        theme_code: t.themeCode,
        level_code: t.levelCode,
        wishes: t.wishes,
        informant_code: t.informantCode,
        notes: t.notes,
      }));
      const saved = await casesRepository.saveAssessment(
        tx,
        { id: a.id, municipalityId: ctx.actor.municipalityId, version: input.version, supportNeedCode: input.supportNeedCode },
        themes,
      );
      if (!saved) throw conflict();
      await journal(tx, ctx, id, 'assessment_saved', 'Udredning opdateret', null);
      await audit(tx, ctx, { action: 'update', citizenId: c.citizen_id, recordType: 'assessment', recordId: a.id });
      return assessmentView(id, { id: a.id, support_need_code: input.supportNeedCode, version: input.version + 1 }, themes);
    });
  },

  /**
   * The decision: a person decides, against the service-level version in force on the decision date. It refuses
   * an incomplete assessment (409, naming what is missing), writes the letter (with complaint guidance unless
   * fully granted), meets the decision deadline and starts the start and complaint deadlines.
   */
  async decide(
    ctx: RequestContext,
    id: string,
    input: Decide,
  ): Promise<{ decisionId: string; documentId: string; version: number }> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const next = transition(c, input.outcome === 'refused' ? 'decide_refuse' : 'decide_grant');
      const a = await casesRepository.assessmentOf(tx, id);
      const themes = a ? await casesRepository.assessmentThemes(tx, a.id) : [];
      const completeness = assessmentCompleteness(
        themes.map((t) => ({ themeCode: t.theme_code, levelCode: t.level_code })),
        a?.support_need_code ?? null,
      );
      if (!completeness.complete) {
        throw new AppError(
          'invalid_transition',
          completeness.missing.map((m) => ({
            code: 'custom',
            message: m.themeCode ? 'assessment.levelMissing' : 'assessment.supportNeedMissing',
            path: ['assessment', m.themeCode ?? 'supportNeed'],
          })),
          'the assessment is incomplete',
        );
      }
      const sv = await casesRepository.serviceVersion(tx, input.serviceDescriptionVersionId);
      const inForce =
        sv &&
        versionInForce(
          sv.siblings.map((x) => ({ number: x.number, status: x.status, inForceFrom: x.in_force_from as PlainDate | null })),
          input.decidedOn,
        );
      if (!sv || sv.municipality_id !== ctx.actor.municipalityId || inForce?.number !== sv.number) {
        throw fieldError('serviceDescriptionVersionId', 'decision.version.notInForce');
      }
      const content = catalogueContentSchema.parse(sv.content);
      const rules = deadlineRulesFor(ctx.actor.municipalityCode);
      const problems = decisionFrameProblems({ ...input, legalBasis: sv.legal_basis }, content.profileBands, rules);
      const first = problems[0];
      if (first) throw fieldError(first.path, first.key);
      const profile = input.weeklyHours !== null ? profileInBands(content.profileBands, input.weeklyHours) : null;

      // A new decision on a case with an order is a revisitation; one that lowers the frame reduces support and so
      // carries complaint guidance even when "granted" (forvaltningsloven § 25).
      const revisitation = (await casesRepository.orderOf(tx, id)) !== undefined;
      const previous = (await casesRepository.decisions(tx, [id])).find((d) => d.outcome !== 'refused');
      const reduces =
        revisitation &&
        reducesSupport(
          previous
            ? {
                outcome: previous.outcome,
                weeklyHours: previous.weekly_hours === null ? null : Number(previous.weekly_hours),
                moduleDays: previous.module_days,
              }
            : null,
          input,
        );
      const complaint = input.outcome !== 'granted' || reduces ? computeDeadline('complaint', input.decidedOn, rules) : null;
      const letterhead = await casesRepository.letterhead(tx, ctx.actor.municipalityId);
      const verb = { granted: 'Du får bevilget', partly_granted: 'Du får delvist bevilget', refused: 'Du får afslag på' }[
        input.outcome
      ];
      const frame =
        input.outcome === 'refused'
          ? []
          : [
              input.weeklyHours !== null
                ? `Omfang: ${String(input.weeklyHours).replace('.', ',')} timer om ugen${profile ? ` (borgerprofil ${profile.code})` : ''}.`
                : `Omfang: ${input.moduleDays} moduler (dage) om ugen.`,
              `Støtten begynder den ${danishDate(input.startDate ?? input.decidedOn)}${input.timeLimitUntil ? ` og er tidsbegrænset til den ${danishDate(input.timeLimitUntil)}` : ''}.`,
            ];
      const documentId = await journaliseLetter(tx, ctx, c, {
        kind: 'decision_letter',
        title: 'Afgørelse',
        on: input.decidedOn,
        subject: `Afgørelse om ${sv.title.toLowerCase()} (${sv.legal_basis})`,
        paragraphs: [
          `${verb} ${sv.title.toLowerCase()} efter ${sv.legal_basis}.`,
          ...frame,
          `Begrundelse: ${input.reasons}`,
          `Afgørelsen er truffet efter ${letterhead.name}s serviceniveau for ${sv.legal_basis}, version ${sv.number}, gældende fra ${danishDate(sv.in_force_from ?? input.decidedOn)}.`,
          input.partyHearing === 'done'
            ? 'Du er blevet partshørt, før afgørelsen blev truffet.'
            : `Partshøring var ikke nødvendig: ${input.partyHearingNote}`,
          ...(complaint ? complaintGuidance(letterhead, complaint) : []),
        ],
      });
      const decisionId = await casesRepository.insertDecision(tx, {
        municipality_id: ctx.actor.municipalityId,
        case_id: id,
        kind: revisitation ? 'revisitation' : 'application',
        outcome: input.outcome,
        legal_basis: sv.legal_basis,
        service_description_version_id: sv.id,
        weekly_hours: input.weeklyHours,
        profile_code: profile?.code ?? null,
        module_days: input.moduleDays,
        start_date: input.startDate,
        time_limit_until: input.timeLimitUntil,
        reasons: input.reasons,
        party_hearing: input.partyHearing,
        party_hearing_note: input.partyHearingNote || null,
        decided_on: input.decidedOn,
        decided_by: ctx.actor.userId,
        letter_document_id: documentId,
      });
      await casesRepository.markDeadlineMet(tx, id, c.day_offer ? 'decision_day_offer' : 'decision', input.decidedOn);
      // A new decision (after an upheld complaint or a remitted appeal) replaces the old one's start and complaint.
      await casesRepository.lapseDeadlines(tx, id, ['start', 'complaint'], input.decidedOn);
      await storeDeadlines(tx, ctx, id, [
        ...(input.outcome !== 'refused' ? [computeDeadline('start', input.decidedOn, rules)] : []),
        ...(complaint ? [complaint] : []),
      ]);
      if (!(await casesRepository.setStatus(tx, id, input.version, next))) throw conflict();
      await journal(
        tx,
        ctx,
        id,
        'decision',
        `Afgørelse: ${{ granted: 'bevilget', partly_granted: 'delvist bevilget', refused: 'afslag' }[input.outcome]}`,
        input.reasons,
        documentId,
      );
      await audit(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'decision', recordId: decisionId });
      return { decisionId, documentId, version: input.version + 1 };
    });
  },

  /**
   * The order (bestilling) to a provider's offer: only on a granting decision, with at most three SMART goals, each
   * with one primary FFB condition, a goal type and the FKO baseline and target, and the § 141 plan if wanted.
   */
  async order(ctx: RequestContext, id: string, input: Order): Promise<{ orderId: string; version: number }> {
    return runUseCase(ctx, async (tx) => {
      const c = await loadCase(tx, id);
      const next = transition(c, 'order');
      const decision = await casesRepository.latestDecision(tx, id);
      if (!decision) throw invalidTransition('an order needs a granting decision');
      if (decision.outcome === 'refused')
        throw new AppError('invalid_transition', [{ code: 'custom', message: 'order.decision.refused', path: ['decision'] }]);
      const offer = await casesRepository.ownOffer(tx, ctx.actor.municipalityId, input.offerId);
      if (!offer) throw fieldError('offerId', 'order.offer.unknown');
      // The offer must deliver support under the paragraph the decision grants (an order is not a new decision).
      if (!offerDeliversBasis(offer.legal_bases, decision.legal_basis)) throw fieldError('offerId', 'order.offer.legalBasis');
      if (input.firstFollowUp < input.orderedOn) throw fieldError('firstFollowUp', 'order.followUp.beforeOrder');
      const early = input.goals.findIndex((g) => g.targetDate < input.orderedOn);
      if (early >= 0) throw fieldError(`goals.${early}.targetDate`, 'order.targetDate.beforeOrder');
      const orderId = await casesRepository.insertOrder(
        tx,
        {
          municipality_id: ctx.actor.municipalityId,
          case_id: id,
          decision_id: decision.id,
          offer_id: offer.id,
          ordered_on: input.orderedOn,
          first_follow_up: input.firstFollowUp,
          action_plan: input.actionPlan,
        },
        input.goals.map((g, i) => ({
          position: i + 1,
          text: g.text,
          indicator: g.indicator,
          target_date: g.targetDate,
          condition_code: g.conditionCode,
          goal_type_code: g.goalTypeCode,
          baseline_support_need_code: g.baselineSupportNeedCode,
          target_support_need_code: g.targetSupportNeedCode,
        })),
      );
      await casesRepository.endEarlierOrders(tx, id, orderId, input.orderedOn);
      if (!(await casesRepository.setStatus(tx, id, input.version, next))) throw conflict();
      await journal(
        tx,
        ctx,
        id,
        'order',
        `Bestilt hos ${offer.name}`,
        input.goals.map((g, i) => `Mål ${i + 1}: ${g.text}`).join('\n'),
      );
      await audit(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'order', recordId: orderId });
      return { orderId, version: input.version + 1 };
    });
  },
};

function assessmentView(
  caseId: string,
  a: { id: string; support_need_code: string | null; version: number },
  rows: {
    theme_code: string;
    level_code: string | null;
    wishes: string | null;
    informant_code: string | null;
    notes: string | null;
  }[],
): Assessment {
  const byCode = new Map(rows.map((r) => [r.theme_code, r]));
  return {
    caseId,
    version: a.version,
    supportNeedCode: a.support_need_code,
    themes: ASSESSMENT_THEMES.map((t) => {
      const r = byCode.get(t.code);
      return {
        themeCode: t.code,
        display: t.display,
        group: t.group,
        levelRequired: t.group === 'activity',
        levelCode: r?.level_code ?? null,
        wishes: r?.wishes ?? null,
        informantCode: r?.informant_code ?? null,
        notes: r?.notes ?? null,
      };
    }),
    completeness: assessmentCompleteness(
      rows.map((r) => ({ themeCode: r.theme_code, levelCode: r.level_code })),
      a.support_need_code,
    ),
  };
}
