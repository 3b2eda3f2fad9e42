/**
 * What the load benchmarks share (bench/load.bench.ts, bench/pglite-users.bench.ts): the servers of
 * bench/load-server.ts in a child process, so the load generator never shares their event loop, and one autocannon
 * run over a list of paths, reported as requests/s, latency percentiles and errors.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

export type Sample = { rps: number; p50: number; p975: number; p99: number; errors: number; requests: number };

/** Starts bench/load-server.ts in `cwd` (another checkout for a comparison) and reads the line it prints. */
export async function startLoadServers<Ids>(env: Record<string, string>, cwd = process.cwd()) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-server.ts'], {
    cwd,
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`load-server exited with ${code}`)));
  });
  return { child, ...(JSON.parse(line) as { app: string; bare: string; kind: string; ids: Ids }) };
}

export function stopLoadServers(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * One run: `connections` connections for `seconds`, each request the next of `paths` in turn; `overallRate` paces
 * all of them together (requests a second), otherwise each connection asks again as soon as it is answered.
 */
export function loadPaths(o: {
  url: string;
  paths: string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  overallRate?: number;
}): Promise<Sample> {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: o.url,
        connections: o.connections,
        ...(o.overallRate ? { overallRate: o.overallRate } : {}),
        duration: o.seconds,
        timeout: 10,
        headers: o.headers ?? {},
        requests: [
          {
            setupRequest: (req) => {
              req.path = o.paths[n++ % o.paths.length] as string;
              return req;
            },
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p975: r.latency.p97_5,
          p99: r.latency.p99,
          errors: r.errors + r.timeouts + r.non2xx,
          requests: r.requests.total,
        });
      },
    );
  });
}
