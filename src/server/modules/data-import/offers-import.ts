import { type CatalogueOffer, ffbCodeIndex, offerImport } from '../catalogue/index.ts';
import type { ImportHandler } from './data-import.service.ts';
import { OFFER_COLUMNS, type OfferRow, readOffers, reconcileOffers } from './offers-file.ts';

type Plan = { added: OfferRow[]; changed: CatalogueOffer[] };

/** Offers and rates keyed by Tilbudsportalen's number: checked, reconciled with the catalogue, then written by it. */
export const offersImport: ImportHandler<Plan> = {
  columns: OFFER_COLUMNS,
  async check(tx, ctx, records) {
    const { codes, names } = await ffbCodeIndex(tx);
    const { rows, problems } = readOffers(records, codes, names);
    const catalogue = await offerImport.byTilbudsportalenId(tx, ctx.actor.municipalityId);
    const offers = reconcileOffers(rows, catalogue);
    const changedIds = new Set(offers.filter((o) => o.change === 'changed').map((o) => o.tilbudsnummer));
    const count = (c: string) => offers.filter((o) => o.change === c).length;
    return {
      rowCount: records.length,
      problems,
      counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged'), missing: count('missing') },
      offers,
      plan: {
        added: rows.filter((r) => !catalogue.has(r.tilbudsportalenId)),
        changed: rows
          .filter((r) => changedIds.has(r.tilbudsportalenId))
          .flatMap((r) => {
            const before = catalogue.get(r.tilbudsportalenId);
            return before ? [{ ...r, id: before.id, key: before.key }] : [];
          }),
      },
    };
  },
  async apply(tx, ctx, plan, progress) {
    const total = plan.added.length + plan.changed.length;
    progress(0, total, 'offers');
    await offerImport.save(
      tx,
      ctx.actor.municipalityId,
      plan.added,
      plan.changed,
      `Indlæst fra fil (Tilbudsportalen-numre) ${ctx.clock.today()}`,
    );
    progress(total, total, 'offers');
    return { added: plan.added.length, changed: plan.changed.length };
  },
};
