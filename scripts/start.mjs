// `npm start`: builds what is missing or older than its sources (scripts/build.mjs), then runs the built server
// (dist/server/main.js) with plain Node: no TypeScript loader at run time. The UI builds in a child process while the
// server opens the database, migrates and generates the demo data (a cold start does both); src/server/main.ts waits
// for it before it serves the UI.
import { buildServer, buildWeb, SERVER_ENTRY, serverIsStale, webIsStale } from './build.mjs';

let uiBuild = Promise.resolve();
if (webIsStale()) {
  console.log('Building the UI (vite build) …');
  uiBuild = buildWeb().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
globalThis.visitatorUiBuild = uiBuild;
if (serverIsStale()) {
  console.log('Building the server (esbuild) …');
  await buildServer();
}
process.setSourceMapsEnabled(true);
await import(`../${SERVER_ENTRY}`);
