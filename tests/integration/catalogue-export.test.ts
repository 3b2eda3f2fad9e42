import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.ts';
import { testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = async <T>(url: string): Promise<T> => {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  return res.json() as T;
};

/** Every text and number a page could show, by where it sits. */
function leaves(value: unknown, path: string, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) leaves(v, `${path}[${i}]`, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, `${path}.${k}`, out);
  else if (typeof value === 'string' && value.trim() !== '') out.set(value, path);
  else if (typeof value === 'number') out.set(String(value), path);
  return out;
}

async function allPages<T>(url: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const p = await get<{ items: T[]; total: number }>(`${url}${url.includes('?') ? '&' : '?'}pageSize=100&page=${page}`);
    items.push(...p.items);
    if (items.length >= p.total || p.items.length === 0) return items;
  }
}

describe(`the public catalogue export on ${TEST_DB}`, () => {
  it('holds everything every public catalogue page shows', async () => {
    const exported = new Set(leaves(await get('/api/public/catalogue/export'), '', new Map()).keys());
    // Each public page and what it asks the API for (src/web/routes/catalogue/*).
    const pages: [string, unknown][] = [];
    const descriptions = await allPages<{ id: string }>('/api/public/catalogue/service-descriptions');
    pages.push(['catalogue list', descriptions]);
    for (const d of descriptions) {
      const detail = await get<{ versions: { number: number; status: string }[] }>(
        `/api/public/catalogue/service-descriptions/${d.id}`,
      );
      pages.push([`description ${d.id}`, detail]);
      const numbers = detail.versions.map((h) => h.number).sort((a, b) => a - b);
      for (const n of numbers)
        pages.push([`description ${d.id} v${n}`, await get(`/api/public/catalogue/service-descriptions/${d.id}?version=${n}`)]);
      for (let i = 1; i < numbers.length; i++) {
        pages.push([
          `diff ${d.id}`,
          await get(`/api/public/catalogue/service-descriptions/${d.id}/diff?from=${numbers[i - 1]}&to=${numbers[i]}`),
        ]);
      }
    }
    const offers = await allPages<{ id: string }>('/api/public/catalogue/offers');
    pages.push(['offer list', offers]);
    for (const o of offers) pages.push([`offer ${o.id}`, await get(`/api/public/catalogue/offers/${o.id}`)]);
    pages.push(['interventions', await allPages('/api/public/catalogue/interventions')]);
    pages.push(['legal bases', await get('/api/public/catalogue/legal-bases')]);
    pages.push([
      'FFB services filter',
      await allPages(`/api/public/catalogue/ffb-codes?under=${encodeURIComponent('Social indsats > Ydelse')}`),
    ]);

    const missing = pages.flatMap(([page, data]) =>
      [...leaves(data, '', new Map())]
        .filter(([text]) => !exported.has(text))
        .map(([text, path]) => `${page} ${path}: ${text.slice(0, 80)}`),
    );
    expect(missing).toEqual([]);
    expect(pages.length).toBeGreaterThan(40);
  });

  it('includes the interventions catalogue (the ten case descriptions of seed 002)', async () => {
    const body = await get<{ interventions: { name: string; municipality: string }[] }>('/api/public/catalogue/export');
    expect(body.interventions).toHaveLength(10);
    expect(body.interventions.map((i) => i.municipality)).toContain('Svendborg Kommune');
  });
});
