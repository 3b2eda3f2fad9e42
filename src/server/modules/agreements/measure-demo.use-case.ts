import { agreementYearsBegun } from '../../../rules/agreements/goal-measures.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/tx.ts';
import { measureGoal } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';

/**
 * The demo's invented agreement measured once when the demo data is loaded (db/seed/agreements-seed.ts), so a fresh
 * start shows stored values, as an analyst's "measure every goal" would have left them: every goal Visitator
 * measures, for each of the agreement's years begun before today. Left alone once any value of it was measured.
 * Not a user's action, so not audited; each value says it was measured by "Demodata" and when.
 */
export async function measureDemoAgreement(
  database: Database,
  municipalityId: string,
  agreementId: string,
  today: PlainDate,
): Promise<number> {
  return inTenant(database, municipalityId, async (tx) => {
    const a = await repo.agreement(tx, municipalityId, agreementId);
    if (!a) return 0;
    const goals = (await repo.goals(tx, municipalityId, agreementId)).filter((g) => g.measure_key);
    const values = await repo.measurements(
      tx,
      municipalityId,
      goals.map((g) => g.id),
    );
    if (values.some((v) => v.origin === 'measured')) return 0;
    const ctx: RequestContext = {
      actor: {
        userId: '',
        name: 'Demodata',
        role: 'analyst',
        municipalityId,
        municipalityName: '',
        municipalityCode: '',
        unitId: null,
        unitName: null,
        offerUnitIds: [],
        citizenId: null,
      },
      requestId: 'demo-seed',
      lang: 'da',
      database,
      clock: { ...systemClock, today: () => today },
    };
    let n = 0;
    for (const period of agreementYearsBegun(
      { from: String(a.period_from).slice(0, 10) as PlainDate, to: String(a.period_to).slice(0, 10) as PlainDate },
      today,
    ))
      for (const g of goals) {
        await measureGoal(tx, ctx, g, a.unit_id, period);
        n++;
      }
    return n;
  });
}
