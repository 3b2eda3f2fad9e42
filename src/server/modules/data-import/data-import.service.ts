import { createHash } from 'node:crypto';
import { type Page, pageOffset } from '../../../shared/api/page.ts';
import type {
  ImportKind,
  ImportListItem,
  ImportProgress,
  ImportView,
  OfferChange,
  RowError,
} from '../../../shared/import/import.schema.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { casesImport } from './cases-import.ts';
import { type CsvRecord, decodeFile, parseCsv } from './csv-file.ts';
import { dataImportRepository as repo } from './data-import.repository.ts';
import { checkFhirFile } from './fhir-import.ts';
import { offersImport } from './offers-import.ts';
import { MAX_ERRORS_KEPT, type Problem, rowErrorOf, sortProblems } from './row-problems.ts';

/**
 * Imports from the systems a municipality leaves. A file is read and checked whole before anything is written; every
 * bad row is shown with its line, column and reason; nothing is written until the file is clean; then the import runs
 * in one transaction, reporting its progress, and can run again without making duplicates (citizens by CPR, cases by
 * their case number, offers by Tilbudsportalen's number).
 */
export type Checked<Plan> = {
  rowCount: number;
  problems: Problem[];
  counts: Record<string, number>;
  offers?: OfferChange[];
  plan: Plan;
};

export type Progress = (done: number, total: number, stage: string) => void;

export type ImportHandler<Plan> = {
  columns: { required: readonly string[]; optional: readonly string[] };
  check(tx: Tx, ctx: RequestContext, records: CsvRecord[]): Promise<Checked<Plan>>;
  apply(tx: Tx, ctx: RequestContext, plan: Plan, progress: Progress): Promise<Record<string, number>>;
  /**
   * The run's check and write in one pass, where a kind has it (cases: part by part, the check of the next part
   * overlapping the write of this one). With problems, what it wrote is undone by the caller.
   */
  checkAndApply?(
    tx: Tx,
    ctx: RequestContext,
    records: CsvRecord[],
    progress: Progress,
  ): Promise<{ problems: Problem[]; counts: Record<string, number> }>;
};

const HANDLERS: Record<Exclude<ImportKind, 'fhir'>, ImportHandler<unknown>> = {
  offers: offersImport as ImportHandler<unknown>,
  cases: casesImport as ImportHandler<unknown>,
};

/** How a checked file of a kind is written: FFB bundles become the same plan as the CSV of cases. */
const apply = (kind: ImportKind) => (kind === 'fhir' ? (casesImport as ImportHandler<unknown>) : HANDLERS[kind]).apply;

type Summary = { counts: Record<string, number>; offers: OfferChange[] };

/** A file decoded and parsed with the columns its kind expects, or the problem that stops it there. */
function readFile(
  kind: ImportKind,
  bytes: Uint8Array,
):
  | { encoding: string; text: string; records?: undefined; checked?: undefined }
  | { encoding: string; records: CsvRecord[]; checked?: undefined }
  | { encoding: string; checked: Checked<unknown>; records?: undefined } {
  const decoded = decodeFile(bytes);
  if (!decoded.ok) return { encoding: 'unknown', checked: fileProblem(decoded.reason, 1) };
  if (kind === 'fhir') return { encoding: decoded.encoding, text: decoded.text };
  const handler = HANDLERS[kind];
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return { encoding: decoded.encoding, checked: fileProblem(parsed.reason, parsed.line ?? 1) };
  const missing = handler.columns.required.filter((c) => !parsed.header.includes(c));
  // A column the format does not know (a typo, "støttebehov" for "stoettebehov") would be lost without a word.
  const known = new Set<string>([...handler.columns.required, ...handler.columns.optional]);
  const unknown = parsed.header.filter((c) => !known.has(c));
  if (missing.length || unknown.length) {
    return {
      encoding: decoded.encoding,
      checked: {
        rowCount: parsed.records.length,
        problems: [
          ...missing.map((c) => ({ line: 1, field: c, key: 'import.column.missing', value: '' })),
          ...unknown.map((c) => ({ line: 1, field: c, key: 'import.column.unknown', value: c })),
        ],
        counts: {},
        plan: null,
      } satisfies Checked<unknown>,
    };
  }
  return { encoding: decoded.encoding, records: parsed.records };
}

/** Reads and checks a file as it is now (on upload, and again at the start of the import itself). */
async function checkFile(
  tx: Tx,
  ctx: RequestContext,
  kind: ImportKind,
  bytes: Uint8Array,
): Promise<{ encoding: string; checked: Checked<unknown> }> {
  return checkRead(tx, ctx, kind, readFile(kind, bytes));
}

async function checkRead(
  tx: Tx,
  ctx: RequestContext,
  kind: ImportKind,
  file: ReturnType<typeof readFile>,
): Promise<{ encoding: string; checked: Checked<unknown> }> {
  if (file.checked) return { encoding: file.encoding, checked: file.checked };
  if (file.records)
    return { encoding: file.encoding, checked: await HANDLERS[kind as Exclude<ImportKind, 'fhir'>].check(tx, ctx, file.records) };
  return { encoding: file.encoding, checked: (await checkFhirFile(tx, ctx, file.text)) as Checked<unknown> };
}

function fileProblem(key: string, line: number): Checked<unknown> {
  return { rowCount: 0, problems: [{ line, field: '(fil)', key, value: '' }], counts: {}, plan: null };
}

function viewOf(row: NonNullable<Awaited<ReturnType<typeof repo.get>>>, sameFileImportedAt: Date | null): ImportView {
  const summary = row.summary as Summary;
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    filename: row.filename,
    encoding: row.encoding,
    bytes: row.bytes,
    status: row.status,
    rowCount: row.row_count,
    errorCount: row.error_count,
    errors: row.errors as RowError[],
    counts: summary.counts ?? {},
    offers: summary.offers ?? [],
    createdAt: new Date(row.created_at).toISOString(),
    createdByName: row.created_by_name,
    importedAt: row.imported_at ? new Date(row.imported_at).toISOString() : null,
    sameFileImportedAt: sameFileImportedAt ? new Date(sameFileImportedAt).toISOString() : null,
  };
}

export const dataImportService = {
  async upload(ctx: RequestContext, kind: ImportKind, filename: string, bytes: Uint8Array): Promise<ImportView> {
    return runUseCase(ctx, async (tx) => {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { encoding, checked } = await checkFile(tx, ctx, kind, bytes);
      const problems = sortProblems(checked.problems);
      const id = await repo.insert(tx, {
        municipality_id: ctx.actor.municipalityId,
        kind,
        filename,
        sha256,
        bytes: bytes.length,
        encoding,
        status: problems.length ? 'invalid' : 'valid',
        row_count: checked.rowCount,
        error_count: problems.length,
        errors: problems.slice(0, MAX_ERRORS_KEPT).map(rowErrorOf),
        summary: { counts: checked.counts, offers: checked.offers ?? [] } satisfies Summary,
        content: Buffer.from(bytes),
        created_by: ctx.actor.userId,
        created_by_name: ctx.actor.name,
      });
      await writeAudit(tx, auditActorOf(ctx), {
        action: 'create',
        purpose: 'data_import',
        recordType: 'data_import',
        recordId: id,
        details: { kind, filename, rows: checked.rowCount, errors: problems.length },
      });
      const row = await repo.get(tx, ctx.actor.municipalityId, id);
      if (!row) throw notFound();
      return viewOf(row, await repo.importedBefore(tx, ctx.actor.municipalityId, sha256));
    });
  },

  async view(ctx: RequestContext, id: string): Promise<ImportView> {
    return runUseCase(ctx, async (tx) => {
      const row = await repo.get(tx, ctx.actor.municipalityId, id);
      if (!row) throw notFound();
      return viewOf(row, await repo.importedBefore(tx, ctx.actor.municipalityId, row.sha256));
    });
  },

  async list(ctx: RequestContext, q: { page: number; pageSize: number }): Promise<Page<ImportListItem>> {
    return runUseCase(ctx, async (tx) => {
      const { rows, total } = await repo.list(tx, ctx.actor.municipalityId, q.pageSize, pageOffset(q));
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind as ImportKind,
          filename: r.filename,
          status: r.status,
          rowCount: r.row_count,
          errorCount: r.error_count,
          createdAt: new Date(r.created_at).toISOString(),
          createdByName: r.created_by_name,
          importedAt: r.imported_at ? new Date(r.imported_at).toISOString() : null,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  },

  /**
   * Imports a checked file in one transaction: it is checked again first (the data may have changed since), and if it
   * is no longer clean nothing is written and the new errors are kept. Progress goes to `report` as it runs.
   */
  async run(ctx: RequestContext, id: string, report: (p: ImportProgress) => void): Promise<ImportView> {
    const started = performance.now();
    return runUseCase(ctx, async (tx) => {
      const row = await repo.get(tx, ctx.actor.municipalityId, id);
      if (!row) throw notFound();
      if (row.status !== 'valid') throw conflict(`the import is ${row.status}`);
      const kind = row.kind as ImportKind;
      report({ kind: 'progress', done: 0, total: row.row_count, stage: 'check' });
      const content = await repo.content(tx, ctx.actor.municipalityId, id);
      if (!content) throw notFound();
      const progress: Progress = (done, total, stage) => report({ kind: 'progress', done, total, stage });
      const file = readFile(kind, new Uint8Array(content));
      const handler = kind === 'fhir' ? undefined : HANDLERS[kind];
      let outcome: { problems: Problem[]; counts: Record<string, number>; offers?: OfferChange[] };
      if (handler?.checkAndApply && file.records) {
        // Written as it is checked: if the file is no longer clean, what was written goes again (nothing half saved).
        await repo.beginRows(tx);
        outcome = await handler.checkAndApply(tx, ctx, file.records, progress);
        if (outcome.problems.length) await repo.undoRows(tx);
      } else {
        const { checked } = await checkRead(tx, ctx, kind, file);
        outcome = {
          problems: checked.problems,
          counts: checked.problems.length ? {} : await apply(kind)(tx, ctx, checked.plan, progress),
          offers: checked.offers ?? [],
        };
      }
      const problems = sortProblems(outcome.problems);
      if (problems.length) {
        await repo.markInvalid(
          tx,
          ctx.actor.municipalityId,
          id,
          problems.slice(0, MAX_ERRORS_KEPT).map(rowErrorOf),
          problems.length,
        );
      } else {
        const counts = outcome.counts;
        if (
          !(await repo.markImported(
            tx,
            ctx.actor.municipalityId,
            id,
            { counts, offers: outcome.offers ?? [] } satisfies Summary,
            ctx.clock.now(),
          ))
        ) {
          throw conflict('the import ran already');
        }
        await writeAudit(tx, auditActorOf(ctx), {
          action: 'update',
          purpose: 'data_import',
          recordType: 'data_import',
          recordId: id,
          details: { kind, counts },
        });
        const ms = performance.now() - started;
        report({ kind: 'done', counts, ms: Math.round(ms), rowsPerSecond: Math.round((row.row_count / ms) * 1000) });
      }
      const after = await repo.get(tx, ctx.actor.municipalityId, id);
      if (!after) throw notFound();
      return viewOf(after, null);
    });
  },

  /** The template of a kind: its columns and an example row (docs/IMPORT.md describes each column). */
  template(kind: ImportKind): string | null {
    return kind === 'fhir' ? null : TEMPLATES[kind];
  },
};

const TEMPLATES: Record<Exclude<ImportKind, 'fhir'>, string> = {
  offers: [
    'tilbudsnummer;navn;ejerform;paragraffer;tilbudstype;pladser;takst;takstenhed;center;adresse;maalgruppe',
    '123456;Solstrålen;anden_kommune;SEL § 85|ABL § 105;Almindeligt længerevarende botilbud til voksne;12;1.450,00;døgn;Viborg Kommune;Solvej 1, 8800 Viborg;Voksne med udviklingsforstyrrelser',
  ].join('\r\n'),
  cases: '',
};
TEMPLATES.cases = casesImport.template;
