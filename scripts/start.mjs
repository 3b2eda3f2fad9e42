// `npm start`: builds the UI if it is missing or older than its sources, then serves Visitator. The build runs in a
// child process while the server opens the database, migrates and generates the demo data (a cold start does both).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/web/index.html';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const stale = !existsSync(built) || Math.max(newest('src/web'), newest('src/shared')) > statSync(built).mtimeMs;
let uiBuild = Promise.resolve();
if (stale) {
  console.log('Building the UI (vite build) …');
  uiBuild = new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    child.on('exit', (code) => {
      if (code !== 0) process.exit(code ?? 1);
      resolve();
    });
  });
}
// src/server/main.ts waits for it before it serves the UI.
globalThis.visitatorUiBuild = uiBuild;

const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
