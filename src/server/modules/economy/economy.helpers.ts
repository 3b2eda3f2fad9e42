import type { AddOn, ProfilePrice, RateVersion } from '../../../rules/economy/rate-card.ts';
import { rateOn } from '../../../rules/economy/rate-card.ts';
import type { AuditAction } from '../../../shared/audit/audit.schema.ts';
import type { RateCard } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import type { RateRow } from './rates.repository.ts';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export function toRateVersion(r: RateRow): RateVersion {
  return {
    id: r.id,
    year: r.rate_year,
    inForceFrom: r.in_force_from as PlainDate,
    inForceTo: r.in_force_to as PlainDate | null,
    basis: r.pricing_basis,
    dailyRate: num(r.daily_rate),
    hourlyRate: num(r.hourly_rate),
    moduleDayRate: num(r.module_day_rate),
    profilePrices: (r.profile_prices ?? []) as ProfilePrice[],
    addOns: (r.add_ons ?? []) as AddOn[],
    occupancyPct: num(r.occupancy_pct),
    financing: r.financing,
  };
}

export function toRateCard(r: RateRow): RateCard {
  const v = toRateVersion(r);
  return {
    id: r.id,
    offerId: r.offer_id,
    year: v.year,
    inForceFrom: v.inForceFrom,
    inForceTo: v.inForceTo,
    basis: v.basis,
    dailyRate: v.dailyRate,
    hourlyRate: v.hourlyRate,
    moduleDayRate: v.moduleDayRate,
    profilePrices: [...v.profilePrices],
    addOns: [...v.addOns],
    occupancyPct: v.occupancyPct,
    financing: v.financing,
    source: r.source,
    invented: r.invented,
    note: r.note,
    createdByName: r.created_by_name,
    version: r.version,
  };
}

export function ratesByOffer(rows: readonly RateRow[]): Map<string, RateVersion[]> {
  const map = new Map<string, RateVersion[]>();
  for (const r of rows) map.set(r.offer_id, [...(map.get(r.offer_id) ?? []), toRateVersion(r)]);
  return map;
}

/** How an offer is financed on a date: its rate card's setting then (carried if the year has none); frame without a card. */
export function financingOn(versions: readonly RateVersion[] | undefined, on: PlainDate): RateVersion['financing'] {
  return (versions && rateOn(versions, on)?.version.financing) ?? 'frame';
}

type Unit = { id: string; kind: string; name: string; parent_id: string | null };

/**
 * The authority unit a grant's cost falls on: the caseworker's unit when it is an authority, else the municipality's
 * first authority unit (the budget lines of purchases, sales and refunds are the authority's, seed 003).
 */
export function authorityUnit(units: readonly Unit[], caseworkerUnitId: string | null): string | null {
  const own = units.find((u) => u.id === caseworkerUnitId && u.kind === 'authority');
  return own?.id ?? units.find((u) => u.kind === 'authority')?.id ?? units.find((u) => u.parent_id === null)?.id ?? null;
}

/** Audit of the economy's changes and exports (purpose economy); reads of aggregates hold no personal data. */
export async function auditEconomy(
  tx: Tx,
  ctx: RequestContext,
  e: {
    action: AuditAction;
    recordType: string;
    recordId?: string | null;
    citizenId?: string | null;
    criterion?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(tx, auditActorOf(ctx), {
    action: e.action,
    purpose: 'economy',
    recordType: e.recordType,
    recordId: e.recordId ?? null,
    citizenId: e.citizenId ?? null,
    criterion: e.criterion ?? null,
    details: e.details ?? null,
  });
}

/** Whole years only: the age on a date from a birth date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
