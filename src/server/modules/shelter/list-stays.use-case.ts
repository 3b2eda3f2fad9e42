import type { Stay } from '../../../shared/agreements/agreements.schema.ts';
import type { Page } from '../../../shared/api/page.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditStay, toStay } from './shelter.helpers.ts';
import { shelterRepository as repo } from './shelter.repository.ts';

/** Shelter stays, paged: those under way, or all; audited as a search (names are personal data). */
export async function listStays(ctx: RequestContext, q: { open: boolean; page: number; pageSize: number }): Promise<Page<Stay>> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const { total, rows } = await repo.page(tx, m, { open: q.open, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    await auditStay(tx, ctx, {
      action: 'search',
      criterion: `shelter-stays:${q.open ? 'open' : 'all'}:${q.page}`,
      details: { rows: rows.length },
    });
    const today = ctx.clock.today();
    return { items: rows.map((r) => toStay(r, today)), total, page: q.page, pageSize: q.pageSize };
  });
}

/** The municipality's § 110 offers, for the form. */
export async function listShelters(ctx: RequestContext): Promise<{ id: string; name: string }[]> {
  return runUseCase(ctx, async (tx) =>
    (await repo.shelters(tx, ctx.actor.municipalityId)).map((o) => ({ id: o.id, name: o.name })),
  );
}
