import type { OfferOwner } from '../../shared/catalogue/offer.schema.ts';
import { LINE_KINDS, type LineKindName } from '../../shared/economy/economy.schema.ts';
import type { Financing } from './rate-card.ts';

/**
 * The budget lines of an agreement unit as Randers' Center for Særlig Social Indsats budgets them for 2019 (shared/
 * seeds/003, "2.3 Økonomi"): the center's common costs; the authority's purchase of places (external and internal),
 * the state refund, sale of places and other accounts (overhead and citizens' self-payment); the providers' operating
 * costs and their sales. Income is negative, as the seed prints it.
 */
export { LINE_KINDS };
export type LineKind = LineKindName;

export const LINE_LABELS: Record<LineKind, { da: string; en: string }> = {
  center_common: { da: 'Center fælles', en: 'Center common' },
  purchase_external: { da: 'Ekstern køb', en: 'External purchase' },
  purchase_internal: { da: 'Intern køb', en: 'Internal purchase' },
  refund: { da: 'Refusion', en: 'Refund' },
  sale: { da: 'Salg af pladser', en: 'Sale of places' },
  other_authority: {
    da: 'Øvrige myndighedskonti bl.a. overhead og egenbetaling fra borgere',
    en: 'Other authority accounts incl. overhead and self-payment',
  },
  operating: { da: 'Driftsudgifter', en: 'Operating costs' },
  provider_sales: { da: 'Salg (overhead fratrukket)', en: 'Sales (net of overhead)' },
};

/**
 * Lines whose forecast comes from the grants (committed cost of running grants, refunds and self-payments); the
 * others (center common, operating, the providers' sales) are forecast as actuals plus the rest of the budget pro rata.
 */
export const GRANT_DRIVEN: ReadonlySet<LineKind> = new Set([
  'purchase_external',
  'purchase_internal',
  'sale',
  'refund',
  'other_authority',
]);

export function isExternal(owner: OfferOwner): boolean {
  return owner === 'private' || owner === 'other_municipality' || owner === 'region';
}

/**
 * Which line a grant's cost falls on, by who runs the offer and who pays (retssikkerhedsloven §§ 9–9 c):
 * - our citizen (we pay) in another's offer: a purchase (external);
 * - our citizen in our own (or a self-governing, contracted) offer: an internal purchase when the offer lives by its
 *   rate; nothing when it is frame-managed, since its cost is its operating budget;
 * - a citizen another municipality pays for, in our offer: a sale (income);
 * - a citizen another municipality pays for, in another's offer: not ours to pay (null).
 */
export function lineOfGrant(g: { owner: OfferOwner; financing: Financing; payingIsUs: boolean }): LineKind | null {
  if (!g.payingIsUs) return isExternal(g.owner) ? null : 'sale';
  if (isExternal(g.owner)) return 'purchase_external';
  return g.financing === 'rate' ? 'purchase_internal' : null;
}

/** Income lines carry negative amounts. */
export function signOf(kind: LineKind): 1 | -1 {
  return kind === 'refund' || kind === 'sale' || kind === 'provider_sales' ? -1 : 1;
}

/**
 * A budget document prints subtotals (groups) over its lines and over other groups. Each printed amount is checked
 * against the sum of what the document prints directly under it: the lines of the group and the printed amounts of
 * its sub-groups (a sub-group without a printed amount counts with its own computed sum).
 */
export type BudgetGroup = { id: string; parentId: string | null; label: string; printed: number | null };
export type GroupedLine = { groupId: string | null; amount: number };
export type ReconciledGroup = BudgetGroup & { computed: number; difference: number | null };

const kr = (n: number) => Math.round(n * 100) / 100;

/**
 * Seed 003's budget does not add up everywhere: its grand total DKK 50,951,776 is DKK 1 less than center common +
 * authority + providers as printed, and the page must show that rather than hide it.
 */
export function reconcile(groups: readonly BudgetGroup[], lines: readonly GroupedLine[]): ReconciledGroup[] {
  const computed = new Map<string, number>();
  const visiting = new Set<string>();
  const sumOf = (id: string): number => {
    const known = computed.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a cycle is refused when groups are saved; never loop here
    visiting.add(id);
    const own = lines.filter((l) => l.groupId === id).reduce((s, l) => s + l.amount, 0);
    const children = groups.filter((g) => g.parentId === id).reduce((s, g) => s + (g.printed ?? sumOf(g.id)), 0);
    const total = kr(own + children);
    computed.set(id, total);
    visiting.delete(id);
    return total;
  };
  return groups.map((g) => {
    const c = sumOf(g.id);
    return { ...g, computed: c, difference: g.printed === null ? null : kr(g.printed - c) };
  });
}
