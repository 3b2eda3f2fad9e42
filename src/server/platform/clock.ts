import { clockInCopenhagen, type PlainDate, plainDateInCopenhagen } from '../../shared/plain-date.ts';

/** The server's clock, read in one place: today's date and the time of day in Denmark. */
export const today = (): PlainDate => plainDateInCopenhagen(new Date());
export const timeOfDay = (): string => clockInCopenhagen(new Date());
