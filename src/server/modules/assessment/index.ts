import type { Tx } from '../../platform/tx.ts';
import { assessmentRepository } from './assessment.repository.ts';

/** The case's assessment (if started) and its themes, for the decision's completeness check. */
export async function assessmentOfCase(tx: Tx, caseId: string) {
  const assessment = await assessmentRepository.assessmentOf(tx, caseId);
  const themes = assessment ? await assessmentRepository.themes(tx, assessment.id) : [];
  return { assessment, themes };
}
export { assessmentRoutes } from './assessment.routes.ts';
export { assessmentImport, type ImportedAssessment } from './assessment-import.repository.ts';
