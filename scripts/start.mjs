// `npm start`: builds what is missing or older than its sources (scripts/build.mjs), then runs the built server
// (dist/server/main.js) with plain Node: no TypeScript loader at run time. The UI builds in a child process while the
// server opens the database, migrates and generates the demo data (a cold start does both); src/server/main.ts waits
// for it before it serves the UI. Each stage's wall and CPU time goes to the server's start-up log
// (globalThis.visitatorStartup, src/server/platform/startup-timer.ts).
import { buildServer, buildWeb, SERVER_ENTRY, serverIsStale, webIsStale } from './build.mjs';

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
if (server) {
  console.log('Building the server (esbuild) …');
  stages.push(await buildServer());
}
// The server times the loading of its own modules from here (src/server/main.ts).
globalThis.visitatorStartup = { stages, uiBuild, importStarted: { wall: performance.now(), cpu: cpuMsNow() } };
process.setSourceMapsEnabled(true);
await import(`../${SERVER_ENTRY}`);
