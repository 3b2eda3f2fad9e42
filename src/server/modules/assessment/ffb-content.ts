import {
  type CaptureIssue,
  conditionIssues,
  goalIssues,
  supportNeedIssues,
  targetGroupIssues,
} from '../../../rules/ffb-reporting/ffb-capture-rules.ts';
import type { SaveAssessment } from '../../../shared/assessment/assessment.schema.ts';
import type { ValidationKey } from '../../../shared/i18n/validation-messages.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { ffbCodeIndex } from '../catalogue/index.ts';
import { assessmentRepository } from './assessment.repository.ts';

/**
 * Checks the FFB part of an assessment (conditions, goals, target groups, support need) against the loaded FFB code
 * system, the way the FFB report will (src/rules/ffb-reporting/ffb-capture-rules.ts), and saves it: a 400 names
 * every field at fault; nothing is saved then.
 */
export async function checkAndSaveFfb(
  tx: Tx,
  a: { id: string; caseId: string; municipalityId: string },
  input: Pick<SaveAssessment, 'conditions' | 'goals' | 'targetGroups' | 'supportNeedCode'>,
  on: string,
): Promise<void> {
  const { codes } = await ffbCodeIndex(tx);
  const current = await assessmentRepository.ffbOf(tx, a.id, a.caseId);
  const conditions = input.conditions ?? current.conditions.map((c) => ({ code: c.condition_code, levelCode: c.level_code }));
  const issues: CaptureIssue[] = [
    ...supportNeedIssues(input.supportNeedCode, codes),
    ...(input.conditions ? conditionIssues(input.conditions, codes) : []),
    ...(input.targetGroups ? targetGroupIssues(input.targetGroups, codes) : []),
    ...(input.goals ? goalIssues(input.goals, new Set(conditions.map((c) => c.code)), codes) : []),
  ];
  if (issues.length) {
    throw new AppError(
      'validation_failed',
      issues.map((i) => ({ code: 'custom' as const, message: i.key satisfies ValidationKey, path: i.path.split('.') })),
    );
  }
  await assessmentRepository.saveFfb(tx, a, on, {
    ...(input.conditions ? { conditions: input.conditions } : {}),
    ...(input.goals ? { goals: input.goals } : {}),
    ...(input.targetGroups ? { targetGroups: input.targetGroups } : {}),
  });
}
