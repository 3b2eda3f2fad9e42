import { versionInForce } from '../../../rules/catalogue/version-lifecycle.ts';
import { type RateOverride, whatIf } from '../../../rules/economy/what-if.ts';
import { can } from '../../../shared/access/permissions.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import type { WhatIf, WhatIfInput } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditEconomy, ratesByOffer } from './economy.helpers.ts';
import { grantsRepository } from './grants.repository.ts';
import { ratesRepository } from './rates.repository.ts';

const bandsOf = (content: unknown) =>
  catalogueContentSchema.parse(content).profileBands.map((b) => ({ code: b.code, above: b.above, upTo: b.upTo }));

/**
 * What a draft service level would cost before it is approved: the running grants decided under the description,
 * priced for a year from `on` under the bands in force and under the draft's bands (and any scenario rates and
 * estimated hours an exclusion removes), by the same rules as the forecast. Names only for economy.detail.
 */
export async function runWhatIf(ctx: RequestContext, input: WhatIfInput): Promise<WhatIf> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const on = input.on ?? ctx.clock.today();
    const draft = await grantsRepository.descriptionOfVersion(tx, m, input.versionId);
    if (draft?.status !== 'draft') throw fieldError('versionId', 'whatIf.notDraft');
    const versions = await grantsRepository.versionsOf(tx, m, draft.id);
    const current = versionInForce(
      versions.map((v) => ({ ...v, inForceFrom: v.in_force_from as PlainDate | null })),
      on,
    );
    const currentContent = current ? catalogueContentSchema.parse(current.content) : null;
    const draftContent = catalogueContentSchema.parse(draft.content);
    const offers = await ratesRepository.offers(tx, m);
    for (const o of input.rateOverrides) {
      if (!offers.some((x) => x.id === o.offerId)) throw fieldError('rateOverrides', 'offer.unknown');
    }
    const rates = ratesByOffer(await ratesRepository.all(tx, m));
    const grants = await grantsRepository.runningUnder(tx, m, draft.id, on);
    const overrides = new Map<string, RateOverride>(
      input.rateOverrides.map(({ offerId, ...o }) => [
        offerId,
        Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
      ]),
    );
    const result = whatIf({
      on,
      grants: grants.map((g) => ({
        id: g.order_id,
        offerId: g.offer_id,
        citizenId: g.citizen_id,
        weeklyHours: g.weekly_hours === null ? null : Number(g.weekly_hours),
        moduleDays: g.module_days,
        profileCode: g.profile_code,
      })),
      currentBands: currentContent ? bandsOf(currentContent) : [],
      draftBands: bandsOf(draftContent),
      ratesByOffer: rates,
      overrides,
      hoursChange: input.hoursChange,
    });
    const named = can(ctx.actor.role, 'economy.detail');
    const offerName = new Map(offers.map((o) => [o.id, o.name]));
    const citizenName = new Map(grants.map((g) => [g.citizen_id, `${g.first_name} ${g.last_name}`]));
    const before = new Set(currentContent?.notCovered ?? []);
    const after = new Set(draftContent.notCovered);
    await auditEconomy(tx, ctx, {
      action: 'search',
      recordType: 'what_if',
      recordId: input.versionId,
      criterion: `what-if:${draft.title}:${draft.number}`,
      details: { grants: result.total.grants, moved: result.total.moved, named },
    });
    return {
      descriptionTitle: draft.title,
      legalBasis: draft.legal_basis,
      draftNumber: draft.number,
      currentNumber: current?.number ?? null,
      on,
      hoursChange: input.hoursChange,
      bands: { current: currentContent ? bandsOf(currentContent) : [], draft: bandsOf(draftContent) },
      exclusions: { added: [...after].filter((x) => !before.has(x)), removed: [...before].filter((x) => !after.has(x)) },
      offers: result.offers
        .map((o) => ({ ...o, offerName: offerName.get(o.offerId) ?? '' }))
        .sort((a, b) => a.delta - b.delta || a.offerName.localeCompare(b.offerName, 'da')),
      total: result.total,
      moves: result.moves
        .sort((a, b) => a.delta - b.delta)
        .slice(0, 500)
        .map((mv) => ({
          grantId: mv.grantId,
          citizenName: named ? (citizenName.get(mv.citizenId) ?? null) : null,
          offerName: offerName.get(mv.offerId) ?? '',
          hoursBefore: mv.hoursBefore,
          hoursAfter: mv.hoursAfter,
          profileBefore: mv.profileBefore,
          profileAfter: mv.profileAfter,
          outsideDraft: mv.outsideDraft,
          before: mv.before,
          after: mv.after,
          delta: mv.delta,
        })),
      named,
    };
  });
}
