import type { FastifyBaseLogger } from 'fastify';

export type PeriodicTask = { stop(): void };

/**
 * Runs `task` every `ms` milliseconds in the background: never two runs at once, an error is logged and the next
 * run tries again, and the timer does not keep the process alive.
 */
export function every(ms: number, name: string, task: () => Promise<unknown>, log: FastifyBaseLogger): PeriodicTask {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((err: unknown) => log.warn({ err, task: name }, 'periodic task failed'))
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
