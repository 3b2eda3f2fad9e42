import { createHash } from 'node:crypto';
import { LINE_LABELS } from '../../../rules/economy/budget-lines.ts';
import { LINE_KINDS, type LineKindName } from '../../../shared/economy/economy.schema.ts';
import type { ValidationKey } from '../../../shared/i18n/validation-messages.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { readCsv } from './finance-files.ts';
import { grantsRepository } from './grants.repository.ts';
import { ratesRepository } from './rates.repository.ts';

export type RowIssue = { code: 'custom'; message: ValidationKey; path: string[] };
export const MAX_REPORTED = 200;

/** Looks up units, offers, line kinds and groups by what a finance file or a form names them. */
export async function resolver(tx: Tx, municipalityId: string) {
  const units = await grantsRepository.units(tx, municipalityId);
  const offers = await ratesRepository.offers(tx, municipalityId);
  const byName = <T extends { id: string; name: string }>(list: readonly T[]) => {
    const map = new Map<string, T>();
    for (const x of list) {
      map.set(x.id, x);
      map.set(x.name.toLowerCase(), x);
    }
    return map;
  };
  const unitMap = byName(units);
  const offerMap = byName(offers);
  for (const o of offers) offerMap.set(o.key, o);
  const kinds = new Map<string, LineKindName>();
  for (const k of LINE_KINDS) {
    kinds.set(k, k);
    kinds.set(LINE_LABELS[k].da.toLowerCase(), k);
    kinds.set(LINE_LABELS[k].en.toLowerCase(), k);
  }
  return {
    units,
    unit: (v: string) => unitMap.get(v.toLowerCase()) ?? unitMap.get(v),
    offer: (v: string) => offerMap.get(v.toLowerCase()) ?? offerMap.get(v),
    kind: (v: string) => kinds.get(v.toLowerCase()),
  };
}

export function failIfAny(issues: RowIssue[]): void {
  if (issues.length > 0) throw new AppError('validation_failed', issues.slice(0, MAX_REPORTED));
}

export const checksum = (content: string) => createHash('sha256').update(content).digest('hex');

export function parseOrRefuse(content: string) {
  try {
    return readCsv(content);
  } catch {
    throw fieldError('content', 'import.csv');
  }
}
