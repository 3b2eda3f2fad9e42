// `npm start`: builds what is missing or older than its sources (scripts/build.mjs), then runs the built server
// (dist/server/server.cjs, through scripts/server-bundle.mjs) with plain Node: no TypeScript loader at run time. The UI
// builds in a child process while the server opens the database, migrates and generates the demo data (a cold start
// does both); src/server/start-server.ts waits for it before it serves the UI. Each stage's wall and CPU time goes to
// the server's start-up log (globalThis.visitatorStartup, src/server/platform/startup-timer.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { buildServer, buildWeb, SERVER_BUNDLE, serverIsStale, webIsStale } from './build.mjs';
import { loadServerBundle } from './server-bundle.mjs';

const cpuMsNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Node's own start and this script's imports, before anything is checked. */
const stages = [{ stage: 'node start', wallMs: Math.round(performance.now()), cpuMs: Math.round(cpuMsNow()) }];
let wall = performance.now();
let cpu = cpuMsNow();
const mark = (stage) => {
  stages.push({ stage, wallMs: Math.round(performance.now() - wall), cpuMs: Math.round(cpuMsNow() - cpu) });
  wall = performance.now();
  cpu = cpuMsNow();
};

const [web, server] = [webIsStale(), serverIsStale()];
mark('build check');
let uiBuild = Promise.resolve(undefined);
if (web) {
  console.log('Building the UI (vite build) …');
  uiBuild = buildWeb().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
// The embedded database opens while esbuild and Vite build in their own processes: on a cold start that is PGlite's
// initdb (its largest single cost), on a warm one its WebAssembly compiling beside the server's modules. It starts
// once esbuild has its work (initdb holds this thread for seconds). The server takes the instance over
// (src/server/platform/db/database.ts) if it is configured the same way.
let pglite;
const openDatabaseEarly = () => {
  if (process.env.DATABASE_URL) return;
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  // PGlite's WebAssembly compiles on V8's background threads while this thread loads the server's modules; left to
  // PGlite it began only once they were loaded, and this thread waited for it.
  const wasm = WebAssembly.compile(readFileSync(new URL('pglite.wasm', import.meta.resolve('@electric-sql/pglite'))));
  // As CommonJS: the module the server's bundle requires (one copy of PGlite loaded, not two).
  const { PGlite } = createRequire(import.meta.url)('@electric-sql/pglite');
  const instance = wasm.then((pgliteWasmModule) =>
    PGlite.create({
      dataDir,
      relaxedDurability: true,
      pgliteWasmModule,
      // As PGLITE_START_PARAMS in src/server/platform/db/database.ts.
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
    }),
  );
  // A failure is the server's to report when it takes the database over.
  instance.catch(() => {});
  pglite = { dataDir, instance };
};
if (server) {
  console.log('Building the server (esbuild) …');
  // esbuild on one core: PGlite's initdb runs beside it on the other (on two cores esbuild slowed initdb more than
  // it gained).
  const cores = process.env.GOMAXPROCS;
  process.env.GOMAXPROCS = '1';
  const built = await buildServer({ onStarted: openDatabaseEarly }).finally(() => {
    if (cores === undefined) delete process.env.GOMAXPROCS;
    else process.env.GOMAXPROCS = cores;
  });
  if (pglite) {
    // Both on this thread's clock: one stage, with esbuild's own process as its child.
    await pglite.instance.catch(() => {});
    stages.push({ ...built, stage: 'server build (esbuild) beside PGlite open (initdb if new)' });
    stages.at(-1).wallMs = Math.round(performance.now() - wall);
    stages.at(-1).cpuMs = Math.round(cpuMsNow() - cpu);
  } else {
    stages.push(built);
  }
} else {
  openDatabaseEarly();
}
// The server times the loading of its own modules from here (src/server/start-server.ts).
globalThis.visitatorStartup = { stages, uiBuild, pglite, importStarted: { wall: performance.now(), cpu: cpuMsNow() } };
const serverBundle = loadServerBundle(SERVER_BUNDLE);
await serverBundle.exports.startServer();
serverBundle.storeCodeCache();
