// `npm run bench`: every benchmark in bench/, one after the other (each states its method at the top).
await import('./citizen-search.bench.ts');
await import('./provider-orders.bench.ts');
await import('./tenant-keys-migration.bench.ts');
await import('./forecast.bench.ts');
await import('./data-import.bench.ts');
