import { ASSESSMENT_THEMES, FUNCTION_LEVELS, GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../../shared/assessment/ffb-terms.ts';
import type { CaseDetail, CaseExportPurpose } from '../../../shared/cases/case.schema.ts';
import { type DeadlineTagKind, deadlineTagOf } from '../../../shared/cases/deadline-tag.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { assessmentOfCase } from '../assessment/index.ts';
import { caseFileReads } from '../case-file/index.ts';
import { danishDate, type Letter, type Report, type ReportBlock, renderReportPdf } from '../letters/index.ts';
import { caseDetailOf } from './read-case.use-case.ts';

/** The case's words in the extract, in Danish like the letters (the extract is a document of the municipality). */
const STATUS: Record<string, string> = {
  request_received: 'Henvendelse modtaget',
  receipt_sent: 'Kvittering sendt',
  assessment: 'Udredning',
  decided: 'Afgørelse truffet',
  refused: 'Afslag',
  ordered: 'Bestilt',
  reconsideration: 'Genvurdering af klage',
  forwarded: 'Sendt til Ankestyrelsen',
  closed: 'Afsluttet',
};
const DEADLINE: Record<string, string> = {
  receipt: 'Kvittering',
  decision: 'Afgørelse',
  decision_day_offer: 'Afgørelse (dagtilbud)',
  start: 'Iværksættelse',
  complaint: 'Klagefrist',
  forward_to_ankestyrelsen: 'Oversendelse til Ankestyrelsen',
  housing_support_continuation: 'Bostøtte fortsætter (4 uger)',
  sel82_max_duration: '§ 82: højst 6 måneder',
  sel107_max_duration: '§ 107: højst 3 år',
  fko_status: 'FKO-status',
};
const OUTCOME = { granted: 'Bevilget', partly_granted: 'Delvist bevilget', refused: 'Afslag' } as const;
const CHANNEL = {
  pre_visitation: 'Forvisitation',
  outreach_advice: 'Fremskudt rådgivning',
  letter: 'Brev',
  digital: 'Digital henvendelse',
  phone: 'Telefon',
} as const;
const REQUESTER = {
  citizen: 'Borgeren selv',
  relative_with_consent: 'Pårørende med samtykke',
  professional: 'Fagperson',
} as const;
const COMPLAINT_STATUS: Record<string, string> = {
  reconsideration: 'Til genvurdering',
  upheld: 'Medhold – ny afgørelse',
  forwarded: 'Sendt til Ankestyrelsen',
  appeal_decided: 'Afgjort af Ankestyrelsen',
};
export const EXPORT_PURPOSE_TEXT: Record<CaseExportPurpose, string> = {
  case_meeting: 'Møde om sagen',
  access_request: 'Aktindsigt',
};

const display = (list: readonly { code: string; display: string }[], code: string | null) =>
  code === null ? '–' : (list.find((x) => x.code === code)?.display ?? code);
const day = (d: string | null) => (d ? danishDate(d as Parameters<typeof danishDate>[0]) : '–');

/** As the case page's tag says it (src/shared/cases/deadline-tag.ts): never "Overskredet" for the citizen's deadline. */
const TAG: Record<DeadlineTagKind, string> = {
  met: 'Overholdt',
  met_late: 'Overskredet, opfyldt',
  overdue: 'Overskredet',
  expired: 'Udløbet',
  due_soon: 'Inden for 7 dage',
  open: 'Åben',
};
function deadlineState(d: CaseDetail['deadlines'][number]): string {
  const tag = TAG[deadlineTagOf(d)];
  return d.metOn ? `${tag} ${day(d.metOn)}` : tag;
}

/**
 * The case as one PDF, for a meeting about it or to answer an access request (aktindsigt): the case header, the
 * request, deadlines, assessment, decisions, plan and goals, complaints, the whole journal, the messages with the
 * citizen, the text of every letter sent and the names of the documents uploaded. The purpose the user named is the audit row's purpose (an `export`),
 * which the citizen sees in their access log.
 */
export async function exportCase(
  ctx: RequestContext,
  id: string,
  purpose: CaseExportPurpose,
): Promise<{ title: string; content: Uint8Array }> {
  const { report, title } = await runUseCase(ctx, async (tx) => {
    const c = await caseDetailOf(tx, ctx, id, { whole: true });
    const { assessment, themes } = await assessmentOfCase(tx, id);
    // Letters and uploaded documents share case_document; a letter's text is printed, an upload (a PDF or image
    // from outside) is named with its date, to be opened on the case.
    const written = await caseFileReads.letters(tx, id);
    const letters = written.filter((l) => l.kind !== 'upload');
    const uploads = written.filter((l) => l.kind === 'upload');
    await writeAudit(tx, auditActorOf(ctx), {
      action: 'export',
      purpose,
      citizenId: c.citizen.id,
      recordType: 'case',
      recordId: id,
      details: { format: 'pdf', letters: letters.length, documents: uploads.length },
    });
    const printedOn = ctx.clock.today();
    const sections: Report['sections'][number][] = [];
    sections.push({
      heading: 'Sagen',
      blocks: [
        {
          kind: 'facts',
          rows: [
            ['Borger', c.citizen.name],
            ['CPR-nummer', `${c.citizen.cpr.slice(0, 6)}-${c.citizen.cpr.slice(6)}`],
            ['Journalnummer', c.journalNumber],
            ['Status', STATUS[c.status] ?? c.status],
            ['Lovgrundlag', c.decisions[0]?.legalBasis ?? 'Ingen afgørelse endnu'],
            ['Sagsbehandler', c.caseworker?.name ?? '–'],
            ['Oprettet', day(c.openedOn)],
          ],
        },
      ],
    });
    sections.push({
      heading: 'Henvendelse',
      blocks: [
        {
          kind: 'facts',
          rows: [
            ['Modtaget', day(c.request.receivedOn)],
            ['Kanal', CHANNEL[c.request.channel]],
            [
              'Henvendelse fra',
              `${REQUESTER[c.request.requestedBy]}${c.request.requesterName ? ` (${c.request.requesterName})` : ''}`,
            ],
          ],
        },
        { kind: 'paragraph', text: c.request.what },
      ],
    });
    sections.push({
      heading: 'Frister',
      blocks: [
        {
          kind: 'facts',
          rows: c.deadlines.map((d) => [`${DEADLINE[d.kind] ?? d.kind} (${day(d.dueDate)})`, deadlineState(d)] as const),
        },
      ],
    });
    if (assessment) {
      const assessed = themes.filter((th) => th.level_code || th.wishes);
      sections.push({
        heading: 'Udredning (VUM 2.0)',
        blocks: [
          {
            kind: 'facts',
            rows: [
              ...assessed.map(
                (th) =>
                  [
                    display(ASSESSMENT_THEMES, th.theme_code),
                    [display(FUNCTION_LEVELS, th.level_code), th.wishes].filter((x) => x && x !== '–').join(' · ') || '–',
                  ] as const,
              ),
              ['Samlet støttebehov', display(SUPPORT_NEED_LEVELS, assessment.support_need_code)],
            ],
          },
        ],
      });
    }
    if (c.decisions.length) {
      sections.push({
        heading: 'Afgørelser',
        blocks: c.decisions.flatMap((d): ReportBlock[] => [
          {
            kind: 'entry',
            heading: `${day(d.decidedOn)}: ${d.kind === 'stop' ? 'Ophør af støtte' : OUTCOME[d.outcome]} – ${d.serviceTitle} (${d.legalBasis})`,
            text: null,
          },
          {
            kind: 'facts',
            rows: [
              ...(d.outcome !== 'refused'
                ? ([
                    [
                      'Omfang',
                      d.weeklyHours !== null
                        ? `${String(d.weeklyHours).replace('.', ',')} timer pr. uge (borgerprofil ${d.profileCode ?? '–'})`
                        : `${d.moduleDays ?? '–'} moduler (dage) pr. uge`,
                    ],
                    ['Periode', `${day(d.startDate)}${d.timeLimitUntil ? ` – ${day(d.timeLimitUntil)}` : ''}`],
                  ] as const)
                : []),
              ['Begrundelse', d.reasons],
              [
                'Partshøring',
                `${d.partyHearing === 'done' ? 'Borgeren er partshørt' : 'Ikke nødvendig'}${d.partyHearingNote ? `: ${d.partyHearingNote}` : ''}`,
              ],
            ],
          },
        ]),
      });
    }
    if (c.order) {
      const o = c.order;
      sections.push({
        heading: 'Plan og mål',
        blocks: [
          {
            kind: 'facts',
            rows: [
              ['Tilbud', o.offerName],
              ['Bestilt', day(o.orderedOn)],
              ['Første opfølgning', day(o.firstFollowUp)],
              ...(o.actionPlan
                ? ([
                    ['Formål (§ 141)', o.actionPlan.purpose],
                    ['Indsatser', o.actionPlan.services],
                    ['Forventet varighed', o.actionPlan.expectedDuration],
                  ] as const)
                : []),
            ],
          },
          ...o.goals.map(
            (g): ReportBlock => ({
              kind: 'entry',
              heading: `Mål ${g.position}: ${g.text}`,
              text: `Indikator: ${g.indicator} · Måldato: ${day(g.targetDate)} · ${display(ASSESSMENT_THEMES, g.conditionCode)} · ${display(GOAL_TYPES, g.goalTypeCode)} · FKO ${display(SUPPORT_NEED_LEVELS, g.baselineSupportNeedCode)} → ${display(SUPPORT_NEED_LEVELS, g.targetSupportNeedCode)}`,
            }),
          ),
        ],
      });
    }
    if (c.complaints.length) {
      sections.push({
        heading: 'Klager',
        blocks: c.complaints.map(
          (x): ReportBlock => ({
            kind: 'entry',
            heading: `Klage modtaget ${day(x.receivedOn)}: ${COMPLAINT_STATUS[x.status] ?? x.status}`,
            text: [x.text, x.reconsiderationReasons ? `Genvurdering: ${x.reconsiderationReasons}` : null]
              .filter(Boolean)
              .join('\n'),
          }),
        ),
      });
    }
    sections.push({
      heading: 'Journal',
      blocks: c.events.map(
        (e): ReportBlock => ({
          kind: 'entry',
          heading: `${timeOf(e.occurredAt)}${e.actorName ? ` · ${e.actorName}` : ''}: ${e.subject}`,
          text: e.body,
        }),
      ),
    });
    if (c.messages.length) {
      sections.push({
        heading: 'Beskeder med borgeren',
        blocks: c.messages.map(
          (m): ReportBlock => ({ kind: 'entry', heading: `${timeOf(m.createdAt)} · ${m.authorName}`, text: m.body }),
        ),
      });
    }
    for (const l of letters) {
      const letter = l.letter as Letter | null;
      sections.push({
        heading: `Brev: ${l.title} (journaliseret ${day(l.journalised_on as string)})`,
        blocks: letter
          ? [
              { kind: 'entry', heading: letter.subject, text: null },
              ...letter.paragraphs.map((p): ReportBlock => ({ kind: 'paragraph', text: p })),
              ...(letter.appendices ?? []).flatMap((a): ReportBlock[] => [
                { kind: 'entry', heading: a.title, text: null },
                ...a.paragraphs.map((p): ReportBlock => ({ kind: 'paragraph', text: p })),
              ]),
            ]
          : [{ kind: 'paragraph', text: 'Brevet findes som PDF på sagen.' }],
      });
    }
    if (uploads.length) {
      sections.push({
        heading: 'Dokumenter lagt på sagen',
        blocks: [
          { kind: 'paragraph', text: 'Dokumenterne er ikke gengivet i udskriften. De åbnes på sagen.' },
          ...uploads.map(
            (u): ReportBlock => ({ kind: 'entry', heading: u.title, text: `Journaliseret ${day(u.journalised_on as string)}` }),
          ),
        ],
      });
    }
    const title = `Sagsudskrift ${c.journalNumber}: ${c.title}`;
    return {
      title,
      report: {
        title,
        author: ctx.actor.name ?? 'Visitator',
        lines: [
          `Udskrevet ${day(printedOn)} af ${ctx.actor.name ?? '–'} · Formål: ${EXPORT_PURPOSE_TEXT[purpose]}`,
          'Udskriften indeholder personoplysninger. Opbevar og del den kun til formålet.',
        ],
        sections,
      } satisfies Report,
    };
  });
  return { title, content: await renderReportPdf(report) };
}

/** An instant as the journal shows it: date and time in Copenhagen. */
function timeOf(iso: string): string {
  return new Intl.DateTimeFormat('da-DK', {
    timeZone: 'Europe/Copenhagen',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
