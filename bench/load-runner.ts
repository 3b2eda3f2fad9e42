/**
 * What the load benchmarks share (bench/load.bench.ts, bench/pglite-users.bench.ts): the servers of
 * bench/load-server.ts in a child process, so the load generator never shares their event loop, and one autocannon
 * run over a list of paths, reported as requests/s, latency percentiles and errors.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Clock ticks a second of /proc/<pid>/stat's utime and stime (Linux's USER_HZ, 100 on every common kernel). */
const TICKS = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; 0 once it is gone. */
function cpuOfPid(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** The pids of a PostgreSQL cluster's processes: its postmaster (first line of postmaster.pid) and its children. */
export function clusterPids(dataDirectory: string): () => number[] {
  const postmaster = Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return () => {
    const pids = [postmaster];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) pids.push(Number(name));
      } catch {
        // The process ended while the list was read.
      }
    }
    return pids;
  };
}

/**
 * Where a run's CPU went: the CPU seconds of each group of processes between `start` and `stop` (a process that ends
 * in between is counted up to its last reading). Divided by the run's requests it gives CPU ms per request, which with
 * the machine's cores bounds the requests/s any run could reach.
 */
export function cpuMeter(groups: Record<string, () => number[]>) {
  const read = () =>
    Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, new Map(pids().map((pid) => [pid, cpuOfPid(pid)]))]));
  const self = process.cpuUsage();
  const before = read();
  return {
    stop(): Record<string, number> {
      const after = read();
      const used = Object.fromEntries(
        Object.entries(after).map(([name, pids]) => {
          let s = 0;
          for (const [pid, cpu] of pids) s += cpu - (before[name]?.get(pid) ?? 0);
          return [name, s];
        }),
      );
      const mine = process.cpuUsage(self);
      return { ...used, 'load generator': (mine.user + mine.system) / 1e6 };
    },
  };
}
