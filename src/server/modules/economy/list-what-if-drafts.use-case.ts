import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { ratesByOffer } from './economy.helpers.ts';
import { grantsRepository } from './grants.repository.ts';
import { ratesRepository } from './rates.repository.ts';

/** The drafts a what-if can be run for: the municipality's service levels with an open draft. */
export async function listWhatIfDrafts(ctx: RequestContext) {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const rates = ratesByOffer(await ratesRepository.all(tx, m));
    const offers = (await ratesRepository.offers(tx, m)).flatMap((o) => {
      const latest = rates.get(o.id)?.at(-1);
      return latest ? [{ id: o.id, name: o.name, basis: latest.basis }] : [];
    });
    const drafts = (await grantsRepository.drafts(tx, m)).map((d) => ({
      versionId: d.id,
      number: d.number,
      descriptionId: d.description_id,
      title: d.title,
      legalBasis: d.legal_basis,
    }));
    return { drafts, offers };
  });
}
