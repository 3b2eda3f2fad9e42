import { type Clock, systemClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { JobDefinition } from '../../platform/jobs/job-queue.ts';
import { buildReports, capture, municipalitiesToReport, sendDue } from './ffb-delivery.service.ts';
import { preloadFhirDefinitions } from './fhir-validation.ts';

/** Midnight (00:00) today in Copenhagen, as an instant: the daily delivery covers complete days only. */
export function startOfTodayInCopenhagen(at: Date): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(at);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(`${day}T00:00:00.000Z`);
    candidate.setUTCHours(candidate.getUTCHours() - offsetHours);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(candidate);
    if (local === '00:00') return candidate;
  }
  throw new Error(`No midnight found for ${day}`);
}

/**
 * The scheduled FFB work (pg-boss): capture changes every quarter of an hour (so a report dates each change to its
 * day), deliver every complete day at 00:30 (the guide: at least daily), and retry failed sends every 5 minutes.
 */
export function ffbReportingJobs(database: Database, clock: Clock = systemClock): JobDefinition[] {
  const now = () => clock.now();
  const forEach = async (fn: (municipalityId: string) => Promise<unknown>) => {
    for (const id of await municipalitiesToReport(database)) await fn(id);
  };
  return [
    { name: 'ffb-capture', cron: '*/15 * * * *', handler: () => forEach((id) => capture(database, id, now())) },
    {
      name: 'ffb-deliver',
      cron: '30 0 * * *',
      handler: async () => {
        preloadFhirDefinitions();
        await forEach(async (id) => {
          await capture(database, id, now());
          await buildReports(database, id, startOfTodayInCopenhagen(now()), now());
          await sendDue(database, id, now);
        });
      },
    },
    { name: 'ffb-send', cron: '*/5 * * * *', handler: () => forEach((id) => sendDue(database, id, now)) },
  ];
}
