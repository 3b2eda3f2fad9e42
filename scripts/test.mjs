// `npm test`: the whole suite. Unit and PGlite integration tests always run; the real-PostgreSQL leg
// and the Chromium end-to-end leg run when their binaries exist. With CI=true a missing leg is a failure.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale } from './build.mjs';

const ci = ['1', 'true'].includes(String(process.env.CI).toLowerCase());
const tmp = join(process.cwd(), '.tmp');
mkdirSync(tmp, { recursive: true });
const notRun = [];
const summary = [];
let failed = false;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function pgBinaries() {
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return false;
  }
}

// 0. What `npm start` runs: the built UI and server (the process tests start it; the journeys use both).
await buildIfStale();

// 1. Vitest: unit + PGlite + (real PostgreSQL)
const projects = ['unit', 'pglite'];
let pgUrl = process.env.TEST_DATABASE_URL;
let ownCluster = null;
if (!pgUrl && pgBinaries()) {
  // Under the system temp dir: as root the cluster runs as user postgres, which cannot enter /root.
  ownCluster = mkdtempSync(join(tmpdir(), 'visitator-pg-'));
  chmodSync(ownCluster, 0o755);
  const r = spawnSync('bash', ['scripts/pg-cluster.sh', 'start', ownCluster], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status === 0) pgUrl = r.stdout.trim();
  else ownCluster = null;
}
if (pgUrl) projects.push('postgres');
else
  notRun.push(
    'integration tests against a real PostgreSQL: no TEST_DATABASE_URL and no server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)',
  );

const vitestJson = join(tmp, 'vitest-results.json');
rmSync(vitestJson, { force: true });
const vitestStatus = run(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ],
  pgUrl ? { TEST_DATABASE_URL: pgUrl } : {},
);
if (ownCluster) {
  spawnSync('bash', ['scripts/pg-cluster.sh', 'stop', ownCluster], { stdio: 'inherit' });
  rmSync(ownCluster, { recursive: true, force: true });
}
if (vitestStatus !== 0) failed = true;
let passed = 0;
let failedCount = 0;
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failedCount += r.numFailedTests + (r.numPendingTests ?? 0) * (ci ? 1 : 0);
  summary.push(
    `vitest (${projects.join(', ')}): ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests ?? 0} skipped`,
  );
} else {
  summary.push('vitest: no results');
  failed = true;
}

// 2. End-to-end in Chromium
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  const pwJson = join(tmp, 'playwright-results.json');
  rmSync(pwJson, { force: true });
  const status = run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    CHROMIUM_PATH: chromium,
  });
  if (status !== 0) failed = true;
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    passed += s.expected;
    failedCount += s.unexpected + s.flaky;
    summary.push(`playwright (chromium): ${s.expected} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
  } else {
    summary.push('playwright: no results');
    failed = true;
  }
} else {
  notRun.push(`end-to-end tests in Chromium: ${chromium} is missing (apt-get install chromium)`);
}

console.log('\n── Visitator test summary ──');
for (const line of summary) console.log(`  ${line}`);
for (const line of notRun) console.log(`  NOT RUN: ${line}`);
if (notRun.length && ci) {
  console.log('  CI=true: a leg that could not run is a failure.');
  failed = true;
  failedCount += notRun.length;
}
console.log(`tests: ${passed} passed, ${failedCount} failed`);
process.exit(failed ? 1 : 0);
