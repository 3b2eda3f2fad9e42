import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { PGlite } from '@electric-sql/pglite';

/**
 * One stage of the start-up: its wall time and the CPU it cost. On a shared machine the wall time says little (another
 * engineer's build takes the cores), so each stage also carries the CPU milliseconds of this process (all its threads:
 * PGlite's WebAssembly, the letter workers) and, for a stage that runs a child process (Vite, esbuild; timed by
 * scripts/build.mjs), the child's. A stage that runs beside others (the UI build beside the database work) says so.
 */
export type StageTiming = { stage: string; wallMs: number; cpuMs: number; childCpuMs?: number; parallel?: true };

/**
 * What scripts/start.mjs hands the server (globalThis.visitatorStartup): its own stages, the UI build's when it is
 * done, and the clocks when it began to import the server's modules.
 */
export type StartupHandover = {
  stages: StageTiming[];
  uiBuild: Promise<StageTiming | undefined>;
  /** The embedded database, opened early on this data directory (absent with DATABASE_URL). */
  pglite?: { dataDir: string; instance: Promise<PGlite> };
  importStarted: { wall: number; cpu: number };
};

const cpuMsNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Linux: utime + stime of the main thread (fields 14 and 15 of /proc/self/task/PID/stat, in 1/100 s); else null. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export class StartupTimer {
  readonly stages: StageTiming[] = [];
  readonly loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);

  /** Takes over start.mjs's stages, and times the server's module loading from where start.mjs began it. */
  constructor(handover?: StartupHandover) {
    if (!handover) return;
    this.stages.push(...handover.stages);
    this.stages.push({
      stage: 'server modules',
      wallMs: Math.round(performance.now() - handover.importStarted.wall),
      cpuMs: Math.round(cpuMsNow() - handover.importStarted.cpu),
    });
  }

  /** Times one stage: wall time and this process's CPU from its start to its end. */
  async time<T>(stage: string, fn: () => Promise<T>): Promise<T> {
    const wall = performance.now();
    const cpu = cpuMsNow();
    try {
      return await fn();
    } finally {
      this.stages.push({ stage, wallMs: Math.round(performance.now() - wall), cpuMs: Math.round(cpuMsNow() - cpu) });
    }
  }

  add(...timings: (StageTiming | undefined)[]): void {
    for (const t of timings) if (t) this.stages.push(t);
  }

  /**
   * For the start-up log: every stage, the sums of this process's CPU and of its children's, and the CPU of this
   * process's main thread alone so far. The process's CPU includes V8's background threads (WebAssembly and
   * JavaScript compiled in the background, the garbage collector), which on an idle machine run beside the main
   * thread; the main thread's CPU is what a start waits for on a quiet machine, and it moves little with the load.
   */
  summary() {
    const sum = (f: (s: StageTiming) => number | undefined) => Math.round(this.stages.reduce((a, s) => a + (f(s) ?? 0), 0));
    return {
      loadAverage: this.loadAverage,
      stages: this.stages,
      cpuMs: sum((s) => s.cpuMs),
      childCpuMs: sum((s) => s.childCpuMs),
      mainThreadCpuMs: mainThreadCpuMs(),
    };
  }

  /** One line for a person at the terminal: each stage's wall and CPU seconds. */
  line(): string {
    const s = (ms: number) => (ms / 1000).toFixed(1);
    return this.stages
      .map((t) => `${t.stage} ${s(t.wallMs)} s (CPU ${s(t.cpuMs + (t.childCpuMs ?? 0))} s${t.parallel ? ', in parallel' : ''})`)
      .join('; ');
  }
}
