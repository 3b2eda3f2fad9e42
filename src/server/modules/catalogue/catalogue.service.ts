import {
  checkApproval,
  diffContent,
  fourEyesProblem,
  phaseOn,
  VERSION_ACTIONS,
  type VersionDates,
  versionInForce,
} from '../../../rules/catalogue/version-lifecycle.ts';
import { bandFieldProblems } from '../../../rules/profiles/citizen-profiles.ts';
import type { Page } from '../../../shared/api/page.ts';
import { pageOffset } from '../../../shared/api/page.ts';
import type {
  CatalogueContent,
  FfbCode,
  ServiceDescriptionDetail,
  ServiceDescriptionSummary,
  VersionSummary,
} from '../../../shared/catalogue/catalogue.schema.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import { LEGAL_BASES } from '../../../shared/catalogue/legal-bases.ts';
import { type OfferDetail, type OfferSummary, offerContentSchema } from '../../../shared/catalogue/offer.schema.ts';
import { mentionsParagraph } from '../../../shared/catalogue/paragraphs.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, conflict, fieldError, invalidTransition, notFound } from '../../platform/errors.ts';
import { inPublic, type Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { type CatalogueFilter, catalogueRepository, type VersionRow } from './catalogue.repository.ts';
import { allInterventions } from './interventions.ts';

function datesOf(v: VersionRow): VersionDates {
  return { number: v.number, status: v.status, inForceFrom: v.in_force_from as PlainDate | null };
}

function summarise(v: VersionRow, all: readonly VersionRow[], on: PlainDate): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    phase: phaseOn(datesOf(v), all.map(datesOf), on),
    inForceFrom: v.in_force_from as PlainDate | null,
    approvedAt: v.approved_at ? new Date(v.approved_at).toISOString() : null,
    approvedByName: v.approved_by_name,
    approvedByBody: v.approved_by_body,
    preparedByName: v.prepared_by_name,
    changeNote: v.change_note,
    lockVersion: v.lock_version,
  };
}

function inForceOf(all: readonly VersionRow[], on: PlainDate): VersionRow | undefined {
  const dates = versionInForce(all.map(datesOf), on);
  return dates ? all.find((v) => v.number === dates.number) : undefined;
}

type OfferRow = NonNullable<Awaited<ReturnType<typeof catalogueRepository.offerById>>>;

type OfferListRow = Awaited<ReturnType<typeof catalogueRepository.listOffers>>['items'][number];

function toOfferSummary(o: OfferListRow): OfferSummary {
  return {
    id: o.id,
    municipalityName: o.municipality_name,
    municipalityCode: o.municipality_code,
    key: o.key,
    name: o.name,
    centerName: o.center_name,
    owner: o.owner,
    providerName: o.provider_name,
    legalBases: o.legal_bases,
    ffbDisplay: o.ffb_display,
    places: o.places,
    rateDkk: o.rate_dkk === null ? null : Number(o.rate_dkk),
    rateUnit: o.rate_unit,
  };
}

function toOfferDetail(o: OfferRow): OfferDetail {
  return {
    ...toOfferSummary(o),
    operatingAgreement: o.operating_agreement,
    ffbCode: o.ffb_code,
    placesNote: o.places_note,
    staffing: o.staffing,
    openingHours: o.opening_hours,
    content: offerContentSchema.parse(o.content),
    source: o.source,
  };
}

type DescriptionRow = NonNullable<Awaited<ReturnType<typeof catalogueRepository.descriptionById>>>;

function summaryOf(
  d: Omit<DescriptionRow, 'municipality_id'>,
  versions: readonly VersionRow[],
  on: PlainDate,
): ServiceDescriptionSummary {
  const inForce = inForceOf(versions, on);
  return {
    id: d.id,
    municipalityName: d.municipality_name,
    municipalityCode: d.municipality_code,
    key: d.key,
    kind: d.kind,
    legalBasis: d.legal_basis,
    title: d.title,
    ffbCode: d.ffb_code,
    ffbDisplay: d.ffb_display,
    inForce: inForce ? summarise(inForce, versions, on) : null,
  };
}

function detailOf(
  d: DescriptionRow,
  versions: readonly VersionRow[],
  on: PlainDate,
  shown: VersionRow | undefined,
): ServiceDescriptionDetail {
  return {
    ...summaryOf(d, versions, on),
    shownVersion: shown ? { ...summarise(shown, versions, on), content: catalogueContentSchema.parse(shown.content) } : null,
    versions: versions.map((v) => summarise(v, versions, on)),
  };
}

/**
 * Content rules beyond the schema: hour bands ordered and contiguous (each problem at the band's field, as the form
 * shows it before sending); a known FFB code.
 */
async function checkContent(tx: Tx, content: CatalogueContent, ffbCode: string | null): Promise<void> {
  const bands = bandFieldProblems(content.profileBands);
  if (bands.length > 0) {
    throw new AppError(
      'validation_failed',
      bands.map((p) => ({ code: 'custom', message: p.key, path: p.path.split('.') })),
    );
  }
  if (ffbCode !== null && !(await catalogueRepository.ffbCodeExists(tx, ffbCode)))
    throw fieldError('ffbCode', 'catalogue.ffb.unknown');
}

async function ownDescription(tx: Tx, ctx: RequestContext, id: string): Promise<DescriptionRow> {
  const d = await catalogueRepository.descriptionById(tx, id);
  // Every municipality's catalogue is readable; only your own is editable.
  if (!d || d.municipality_id !== ctx.actor.municipalityId) throw notFound();
  return d;
}

async function audit(
  tx: Tx,
  ctx: RequestContext,
  action: 'create' | 'update',
  recordId: string,
  details: Record<string, unknown>,
) {
  await writeAudit(tx, auditActorOf(ctx), {
    action,
    purpose: 'administration',
    recordType: 'service_description_version',
    recordId,
    details,
  });
}

export const catalogueService = {
  /** The public catalogue: descriptions with the version in force on `on` (today by default). */
  async publicList(
    database: Database,
    filter: CatalogueFilter & { page: number; pageSize: number; on?: PlainDate },
    today: PlainDate,
  ): Promise<Page<ServiceDescriptionSummary>> {
    const on = filter.on ?? today;
    return inPublic(database, async (tx) => {
      const { items, total } = await catalogueRepository.listDescriptions(tx, filter, filter.pageSize, pageOffset(filter));
      const versions = await catalogueRepository.versionsOf(
        tx,
        items.map((i) => i.id),
      );
      return {
        items: items.map((d) =>
          summaryOf(
            d,
            versions.filter((v) => v.service_description_id === d.id),
            on,
          ),
        ),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    });
  },

  /** One description, showing the version in force on `on`, or a given approved version. */
  async publicDetail(
    database: Database,
    id: string,
    opts: { on?: PlainDate; version?: number },
    today: PlainDate,
  ): Promise<ServiceDescriptionDetail> {
    const on = opts.on ?? today;
    return inPublic(database, async (tx) => {
      const d = await catalogueRepository.descriptionById(tx, id);
      if (!d) throw notFound();
      const versions = await catalogueRepository.versionsOf(tx, [id]);
      const shown = opts.version !== undefined ? versions.find((v) => v.number === opts.version) : inForceOf(versions, on);
      if (opts.version !== undefined && !shown) throw notFound();
      return detailOf(d, versions, on, shown);
    });
  },

  /**
   * Two municipalities' documents for one paragraph, each with the version in force today and its content: one
   * transaction, two queries (the catalogue is hundreds of documents, not millions).
   */
  async publicCompare(
    database: Database,
    paragraph: string,
    codes: readonly string[],
    on: PlainDate,
  ): Promise<ServiceDescriptionDetail[]> {
    return inPublic(database, async (tx) => {
      const { items } = await catalogueRepository.listDescriptions(tx, {}, 10_000, 0);
      const matching = items.filter((d) => codes.includes(d.municipality_code) && mentionsParagraph(d.legal_basis, paragraph));
      const versions = await catalogueRepository.versionsOf(
        tx,
        matching.map((d) => d.id),
      );
      return matching
        .map((d) => {
          const own = versions.filter((v) => v.service_description_id === d.id);
          return detailOf(d, own, on, inForceOf(own, on));
        })
        .filter((d) => d.shownVersion !== null);
    });
  },

  async publicDiff(database: Database, id: string, from: number, to: number) {
    return inPublic(database, async (tx) => {
      const versions = await catalogueRepository.versionsOf(tx, [id]);
      const a = versions.find((v) => v.number === from);
      const b = versions.find((v) => v.number === to);
      if (!a || !b) throw notFound();
      return { from, to, changes: diffContent(catalogueContentSchema.parse(a.content), catalogueContentSchema.parse(b.content)) };
    });
  },

  async ffbCodes(
    database: Database,
    q: { root?: string; under?: string; q?: string; page: number; pageSize: number },
  ): Promise<Page<FfbCode>> {
    return inPublic(database, async (tx) => {
      const { items, total } = await catalogueRepository.ffbCodes(tx, q, q.pageSize, pageOffset(q));
      return {
        items: items.map((c) => ({
          code: c.code,
          display: c.display,
          path: c.path,
          root: c.root,
          legalBasis: c.legal_basis,
          isLocal: c.is_local,
          systemVersion: c.system_version,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  },

  async publicOffers(
    database: Database,
    q: { municipalityCode?: string; legalBasis?: string; page: number; pageSize: number },
  ): Promise<Page<OfferSummary>> {
    return inPublic(database, async (tx) => {
      const { items, total } = await catalogueRepository.listOffers(tx, q, q.pageSize, pageOffset(q));
      return {
        items: items.map(toOfferSummary),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  },

  async publicOffer(database: Database, id: string): Promise<OfferDetail> {
    return inPublic(database, async (tx) => {
      const o = await catalogueRepository.offerById(tx, id);
      if (!o) throw notFound();
      return toOfferDetail(o);
    });
  },

  /**
   * The whole public catalogue as one JSON document: everything the public catalogue pages show — legal bases, the
   * FFB version and the FFB services (ydelser) they filter by, every description with all its approved versions,
   * every offer, and the interventions catalogue (seed 002). A few queries in one transaction, whatever the size.
   */
  async exportAll(database: Database, clock: Clock) {
    const on = clock.today();
    return inPublic(database, async (tx) => {
      const { items } = await catalogueRepository.listDescriptions(tx, {}, 10_000, 0);
      const versions = await catalogueRepository.versionsOf(
        tx,
        items.map((d) => d.id),
      );
      const offers = await catalogueRepository.allOffers(tx, 10_000);
      const services = await catalogueRepository.ffbCodes(tx, { under: 'Social indsats > Ydelse' }, 10_000, 0);
      return {
        exportedAt: clock.now().toISOString(),
        ffb: await catalogueRepository.ffbSystem(tx),
        ffbServices: services.items.map((c) => ({
          code: c.code,
          display: c.display,
          path: c.path,
          root: c.root,
          legalBasis: c.legal_basis,
        })),
        legalBases: [...LEGAL_BASES],
        serviceDescriptions: items.map((d) => {
          const own = versions.filter((v) => v.service_description_id === d.id);
          return {
            ...summaryOf(d, own, on),
            approvedVersions: own
              .filter((v) => v.status === 'approved')
              .map((v) => ({ ...summarise(v, own, on), content: catalogueContentSchema.parse(v.content) })),
          };
        }),
        offers: offers.map(toOfferDetail),
        interventions: allInterventions(),
      };
    });
  },

  /** The administrator's view: every version, drafts included. */
  async adminDetail(ctx: RequestContext, id: string): Promise<ServiceDescriptionDetail> {
    return runUseCase(ctx, async (tx) => {
      const d = await ownDescription(tx, ctx, id);
      const versions = await catalogueRepository.versionsOf(tx, [id]);
      const draft = versions.find((v) => v.status === 'draft');
      const today = ctx.clock.today();
      return {
        ...detailOf(d, versions, today, draft ?? inForceOf(versions, today)),
        fourEyes: { youPreparedTheDraft: draft !== undefined && draft.prepared_by === ctx.actor.userId },
      };
    });
  },

  async create(
    ctx: RequestContext,
    input: {
      key: string;
      kind: 'service_level' | 'quality_standard';
      legalBasis: string;
      title: string;
      ffbCode: string | null;
      content: CatalogueContent;
    },
  ): Promise<{ id: string; versionId: string }> {
    return runUseCase(ctx, async (tx) => {
      await checkContent(tx, input.content, input.ffbCode);
      if (await catalogueRepository.keyTaken(tx, ctx.actor.municipalityId, input.key))
        throw fieldError('key', 'catalogue.key.taken');
      const id = await catalogueRepository.insertDescription(tx, {
        municipality_id: ctx.actor.municipalityId,
        key: input.key,
        kind: input.kind,
        legal_basis: input.legalBasis,
        title: input.title,
        ffb_code: input.ffbCode,
      });
      const versionId = await catalogueRepository.insertDraft(tx, {
        municipality_id: ctx.actor.municipalityId,
        service_description_id: id,
        number: 1,
        content: input.content,
        change_note: null,
        created_by: ctx.actor.userId,
        created_by_name: ctx.actor.name,
      });
      await audit(tx, ctx, 'create', versionId, { serviceDescriptionId: id, number: 1 });
      return { id, versionId };
    });
  },

  /** Editing approved policy starts a new draft from the newest approved version. */
  async newDraft(ctx: RequestContext, id: string): Promise<{ versionId: string; number: number }> {
    return runUseCase(ctx, async (tx) => {
      await ownDescription(tx, ctx, id);
      const versions = await catalogueRepository.versionsOf(tx, [id]);
      if (versions.some((v) => v.status === 'draft')) throw conflict('a draft exists already');
      const latest = versions.filter((v) => v.status === 'approved').at(-1);
      if (!latest) throw invalidTransition();
      const number = Math.max(...versions.map((v) => v.number)) + 1;
      const versionId = await catalogueRepository.insertDraft(tx, {
        municipality_id: ctx.actor.municipalityId,
        service_description_id: id,
        number,
        content: latest.content,
        change_note: null,
        created_by: ctx.actor.userId,
        created_by_name: ctx.actor.name,
      });
      await audit(tx, ctx, 'create', versionId, { serviceDescriptionId: id, number, from: latest.number });
      return { versionId, number };
    });
  },

  async updateDraft(
    ctx: RequestContext,
    versionId: string,
    input: { content: CatalogueContent; changeNote: string | null; lockVersion: number },
  ) {
    return runUseCase(ctx, async (tx) => {
      const version = await catalogueRepository.versionById(tx, versionId);
      if (!version) throw notFound();
      const d = await ownDescription(tx, ctx, version.service_description_id);
      const all = await catalogueRepository.versionsOf(tx, [d.id]);
      const phase = phaseOn(datesOf(version), all.map(datesOf), ctx.clock.today());
      if (!VERSION_ACTIONS[phase].includes('edit')) throw invalidTransition();
      await checkContent(tx, input.content, d.ffb_code);
      const saved = await catalogueRepository.updateDraft(tx, versionId, input.lockVersion, {
        content: input.content,
        changeNote: input.changeNote,
        preparedBy: ctx.actor.userId,
        preparedByName: ctx.actor.name,
      });
      if (!saved) throw conflict();
      await audit(tx, ctx, 'update', versionId, { change: 'content' });
      return { lockVersion: input.lockVersion + 1 };
    });
  },

  /**
   * Approval sets who approved it, on whose authority (e.g. the committee) and when it comes into force. Four eyes:
   * the approver is not the person who prepared the draft (409 naming why; the database checks it too).
   */
  async approve(
    ctx: RequestContext,
    versionId: string,
    input: { inForceFrom: PlainDate; approvedByBody: string; lockVersion: number },
  ) {
    return runUseCase(ctx, async (tx) => {
      const version = await catalogueRepository.versionById(tx, versionId);
      if (!version) throw notFound();
      await ownDescription(tx, ctx, version.service_description_id);
      const all = await catalogueRepository.versionsOf(tx, [version.service_description_id]);
      const problem = checkApproval(datesOf(version), all.map(datesOf), input.inForceFrom);
      if (problem === 'not_a_draft') throw invalidTransition();
      if (problem) throw fieldError('inForceFrom', 'catalogue.inForce.beforePredecessor');
      const fourEyes = fourEyesProblem(version.prepared_by, ctx.actor.userId);
      if (fourEyes) {
        throw new AppError('invalid_transition', [
          {
            code: 'custom',
            message: fourEyes === 'same_person' ? 'catalogue.fourEyes.samePerson' : 'catalogue.fourEyes.noPreparer',
            path: ['approval'],
          },
        ]);
      }
      const approved = await catalogueRepository.approve(tx, versionId, input.lockVersion, {
        approved_by: ctx.actor.userId,
        approved_by_name: ctx.actor.name,
        approved_by_body: input.approvedByBody,
        in_force_from: input.inForceFrom,
      });
      if (!approved) throw conflict();
      await audit(tx, ctx, 'update', versionId, {
        change: 'approved',
        inForceFrom: input.inForceFrom,
        approvedByBody: input.approvedByBody,
        preparedByName: version.prepared_by_name,
      });
      return { number: version.number, inForceFrom: input.inForceFrom };
    });
  },
};
