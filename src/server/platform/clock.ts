import { clockInCopenhagen, type PlainDate, plainDateInCopenhagen } from '../../shared/plain-date.ts';

/**
 * The server's clock, read here and nowhere else. The app takes one (`buildApp({ clock })`, the system clock by
 * default) and hands it to every use case on its request context (`ctx.clock`), so a test can fix the day.
 */
export type Clock = {
  /** The instant. */
  now(): Date;
  /** Today's date in Denmark. */
  today(): PlainDate;
  /** The time of day in Denmark, HH:MM. */
  timeOfDay(): string;
};

function clockFrom(now: () => Date): Clock {
  return { now, today: () => plainDateInCopenhagen(now()), timeOfDay: () => clockInCopenhagen(now()) };
}

/** The real time. */
export const systemClock: Clock = clockFrom(() => new Date());

/** A clock that stands still at `instant` (an ISO date-time): tests, and a demo of a given day. */
export function fixedClock(instant: string): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`Not an instant: ${instant}`);
  return clockFrom(() => new Date(at.getTime()));
}
