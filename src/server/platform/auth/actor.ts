import type { Role } from '../../../shared/access/permissions.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import type { AuditActor } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';

/** The logged-in user as every use case sees them. */
export type Actor = {
  userId: string;
  name: string;
  role: Role;
  municipalityId: string;
  municipalityName: string;
  municipalityCode: string;
  unitId: string | null;
  unitName: string | null;
  /** Provider staff: the offers they work at. */
  offerUnitIds: string[];
  /** Citizen users: the citizen they are. */
  citizenId: string | null;
};

/** What a use case gets from a request: who, in which language, which request, which database, and the clock. */
export type RequestContext = {
  actor: Actor;
  requestId: string;
  lang: Language;
  database: Database;
  clock: Clock;
};

export function auditActorOf(ctx: Pick<RequestContext, 'actor' | 'requestId'>): AuditActor {
  return {
    municipalityId: ctx.actor.municipalityId,
    userId: ctx.actor.userId,
    name: ctx.actor.name,
    role: ctx.actor.role,
    unitId: ctx.actor.unitId,
    unitName: ctx.actor.unitName,
    requestId: ctx.requestId,
  };
}
