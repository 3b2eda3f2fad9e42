// `npm run bench:startup [-- DIR]`: cold and warm start-up of `npm start` in a checkout (default: this one).
// Method (docs/PERFORMANCE.md): cold = no dist/ and no data/ (Vite builds the UI, PGlite runs initdb, migrations,
// FFB, catalogue, offers and the demo data generator); warm = both present. Time from spawning `npm start` until
// both GET / (the UI) and GET /api/auth/demo-users (a database read) answer 200, polled every 50 ms. Three runs each
// (RUNS=n). Beside the times it prints the load average before each run and, from the server's start-up log
// (src/server/platform/startup-timer.ts), each stage's median wall and CPU time, and the main thread's CPU until the
// server was ready: on a shared machine the CPU seconds compare, the wall times only when the load is low. ONLY=warm
// or ONLY=cold runs one of the two (warm: on the build and data directory already there).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
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
  const load = loadavg()[0];
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  // The start-up log's line with the stages (a checkout from before they were logged has none).
  let stages = null;
  let mainThreadCpuMs = null;
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!line.includes('"startup"')) continue;
      try {
        const startup = JSON.parse(line).startup;
        stages = startup?.stages ?? null;
        mainThreadCpuMs = startup?.mainThreadCpuMs ?? null;
      } catch {}
    }
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
      if ((await ok('/')) && (await ok('/api/auth/demo-users'))) break;
      if (performance.now() - started > 180_000) throw new Error('no answer within 180 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const ms = performance.now() - started;
    // The ready line comes right after listen; give it a moment to arrive.
    for (let i = 0; i < 40 && !stages; i++) await new Promise((r) => setTimeout(r, 50));
    return { ms, load, stages, mainThreadCpuMs };
  } finally {
    if (exitCode === undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => (ms / 1000).toFixed(1);
// ONLY=warm (or cold) for one of the two; a warm start on a data directory and build already there.
const cases = { cold: [true], warm: [false] }[process.env.ONLY] ?? [true, false];
for (const cold of cases) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(cold));
  const times = results.map((r) => r.ms);
  console.log(
    `${cold ? 'cold' : 'warm'}: ${times.map(s).join(' s, ')} s (median ${s(median(times))} s); load average before each: ${results.map((r) => r.load.toFixed(1)).join(', ')}`,
  );
  const names = [...new Set(results.flatMap((r) => (r.stages ?? []).map((t) => t.stage)))];
  for (const name of names) {
    const of = results.map((r) => r.stages?.find((t) => t.stage === name)).filter(Boolean);
    const wall = median(of.map((t) => t.wallMs));
    const cpu = median(of.map((t) => t.cpuMs + (t.childCpuMs ?? 0)));
    console.log(`  ${name.padEnd(40)} wall ${s(wall).padStart(5)} s   CPU ${s(cpu).padStart(5)} s`);
  }
  if (names.length) {
    const total = median(results.map((r) => (r.stages ?? []).reduce((a, t) => a + t.cpuMs + (t.childCpuMs ?? 0), 0)));
    console.log(`  ${'CPU of all stages'.padEnd(40)}              CPU ${s(total).padStart(5)} s`);
  }
  const main = results.map((r) => r.mainThreadCpuMs).filter((ms) => ms !== null);
  if (main.length) console.log(`  ${'main thread until ready'.padEnd(40)}              CPU ${s(median(main)).padStart(5)} s`);
}
