// `npm run bench:startup [-- DIR]`: cold and warm start-up of `npm start` in a checkout (default: this one).
// Method (docs/PERFORMANCE.md): cold = no dist/ and no data/ (Vite builds the UI, PGlite runs initdb, migrations,
// FFB, catalogue, offers and the demo data generator); warm = both present. Time from spawning `npm start` until
// both GET / (the UI) and GET /api/auth/demo-users (a database read) answer 200, polled every 50 ms. Three runs each.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.');
const port = Number(process.env.PORT ?? 3190);
const runs = Number(process.env.RUNS ?? 3);

async function ok(path) {
  try {
    return (await fetch(`http://127.0.0.1:${port}${path}`)).status === 200;
  } catch {
    return false;
  }
}

async function once(cold) {
  if (cold) {
    rmSync(resolve(dir, 'data'), { recursive: true, force: true });
    rmSync(resolve(dir, 'dist'), { recursive: true, force: true });
  }
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  // An `npm start` that dies (e.g. missing node_modules) must be reported as such, not as a failed kill.
  let exitCode;
  const exited = new Promise((r) =>
    child.on('exit', (code) => {
      exitCode = code ?? -1;
      r(exitCode);
    }),
  );
  try {
    for (;;) {
      if (exitCode !== undefined) throw new Error(`npm start exited with ${exitCode} before answering`);
      if ((await ok('/')) && (await ok('/api/auth/demo-users'))) return performance.now() - started;
      if (performance.now() - started > 180_000) throw new Error('no answer within 180 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    if (exitCode === undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const cold of [true, false]) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once(cold && true));
  console.log(
    `${cold ? 'cold' : 'warm'}: ${times.map((t) => (t / 1000).toFixed(1)).join(' s, ')} s (median ${(median(times) / 1000).toFixed(1)} s)`,
  );
}
