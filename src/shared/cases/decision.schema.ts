import { z } from 'zod';
import { plainDateSchema } from '../plain-date.ts';

export const DECISION_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;

/**
 * A decision (afgørelse). Reasons are always required (forvaltningsloven §§ 22–24); a party hearing is either done
 * or its absence explained (forvaltningsloven § 19); a granting decision states its frame. Its dates are checked by
 * the date-constraint table (src/rules/records), in the form and on the server.
 */
export const decideSchema = z
  .object({
    version: z.number().int().min(1),
    outcome: z.enum(DECISION_OUTCOMES),
    serviceDescriptionVersionId: z.uuid({ message: 'decision.serviceLevel' }),
    decidedOn: plainDateSchema,
    weeklyHours: z.number().min(0).max(168).nullable().default(null),
    moduleDays: z.number().int().min(1).max(5).nullable().default(null),
    startDate: plainDateSchema.nullable().default(null),
    timeLimitUntil: plainDateSchema.nullable().default(null),
    /** A partial grant states what was applied for and what is refused; the letter says both. */
    appliedFor: z.string().trim().max(2000).default(''),
    refusedPart: z.string().trim().max(2000).default(''),
    reasons: z.string().trim().min(1, { message: 'decision.reasons' }).max(20_000),
    /** A legal statement a person makes: never defaulted (forvaltningsloven § 19). */
    partyHearing: z.enum(['done', 'not_needed'], { message: 'decision.partyHearing' }),
    partyHearingNote: z.string().trim().max(4000).default(''),
    /** A grant on top of the running support under another paragraph (e.g. a day offer beside housing support). */
    alongside: z.boolean().default(false),
    /**
     * Hours above the highest citizen profile: the concrete, individual justification the team leader approves
     * (src/rules/cases/decision-approval.ts). Required there by the server, which knows the service level's bands.
     */
    hoursJustification: z.string().trim().max(4000).default(''),
  })
  .superRefine((d, ctx) => {
    if (d.partyHearing === 'not_needed' && !d.partyHearingNote) {
      ctx.addIssue({ code: 'custom', path: ['partyHearingNote'], message: 'decision.partyHearing.reason' });
    }
    if (d.outcome === 'partly_granted' && !d.appliedFor) {
      ctx.addIssue({ code: 'custom', path: ['appliedFor'], message: 'decision.partial.appliedFor' });
    }
    if (d.outcome === 'partly_granted' && !d.refusedPart) {
      ctx.addIssue({ code: 'custom', path: ['refusedPart'], message: 'decision.partial.refused' });
    }
    if (d.outcome !== 'refused' && d.weeklyHours === null && d.moduleDays === null) {
      ctx.addIssue({ code: 'custom', path: ['weeklyHours'], message: 'decision.frame.required' });
    }
    if (d.outcome !== 'refused' && d.startDate === null) {
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'required' });
    }
  });
export type Decide = z.infer<typeof decideSchema>;
