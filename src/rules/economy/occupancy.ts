import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays, daysBetween } from '../calendar/date-arithmetic.ts';

/**
 * Occupancy (belægning) of an offer per day, from the stays that hold a place: running orders and places sold to
 * other municipalities. A stay holds its place from its first to its last day, both included; an open stay runs on.
 * Over-occupancy (more citizens than places) is allowed for a while but flagged (seed 001: "Vi vil acceptere, at
 * nogle botilbudspladser står tomme"; the regions' styringsaftaler govern budgeted occupancy).
 */
export type Stay = { from: PlainDate; to: PlainDate | null };

export type OccupancyDay = {
  date: PlainDate;
  occupied: number;
  vacant: number | null;
  pct: number | null;
  over: boolean;
};

/** One entry per day of [from, to]: occupied places, vacant places and occupancy %, when the offer has places. */
export function occupancyByDay(stays: readonly Stay[], places: number | null, from: PlainDate, to: PlainDate): OccupancyDay[] {
  const length = daysBetween(from, to) + 1;
  if (length <= 0) return [];
  // Difference array: +1 on a stay's first day in the range, -1 the day after its last.
  const delta = new Array<number>(length + 1).fill(0);
  for (const s of stays) {
    const start = s.from < from ? from : s.from;
    const end = s.to === null || s.to > to ? to : s.to;
    if (end < start) continue;
    delta[daysBetween(from, start)]! += 1;
    delta[daysBetween(from, end) + 1]! -= 1;
  }
  const days: OccupancyDay[] = [];
  let occupied = 0;
  for (let i = 0; i < length; i++) {
    occupied += delta[i]!;
    const hasPlaces = places !== null && places > 0;
    days.push({
      date: addDays(from, i),
      occupied,
      vacant: places === null ? null : Math.max(0, places - occupied),
      pct: hasPlaces ? Math.round((occupied / places) * 1000) / 10 : null,
      over: places !== null && occupied > places,
    });
  }
  return days;
}

/** Summary of a period: average occupancy %, the highest count, and the days over capacity. */
export function occupancySummary(days: readonly OccupancyDay[], places: number | null) {
  const n = days.length;
  const occupiedDays = days.reduce((s, d) => s + d.occupied, 0);
  return {
    averageOccupied: n ? Math.round((occupiedDays / n) * 10) / 10 : 0,
    averagePct: places && places > 0 && n ? Math.round((occupiedDays / (n * places)) * 1000) / 10 : null,
    peak: days.reduce((m, d) => Math.max(m, d.occupied), 0),
    daysOver: days.filter((d) => d.over).length,
  };
}

/** Monthly averages for a chart over a year: occupancy % per calendar month of the days given. */
export function monthlyOccupancy(days: readonly OccupancyDay[], places: number | null) {
  const byMonth = new Map<string, OccupancyDay[]>();
  for (const d of days) {
    const key = d.date.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), d]);
  }
  return [...byMonth.entries()].map(([month, ds]) => ({ month, ...occupancySummary(ds, places) }));
}
