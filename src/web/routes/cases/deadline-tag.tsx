import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { deadlineTagOf } from '../../../shared/cases/deadline-tag.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../ui/format.ts';

type DeadlineStatus = CaseDetail['deadlines'][number]['status'];
type DeadlineDuty = CaseDetail['deadlines'][number]['duty'];

/**
 * A deadline's state in words and colour (the words carry the meaning; colour is never the only cue). A deadline
 * met after its day reads "Overskredet, opfyldt 12.03.2027": it was overdue, and the step has since been taken. A
 * deadline that is not the municipality's to meet (the citizen's complaint deadline, the end of a period) is never
 * "Overskredet": when its day has passed it has "Udløbet" (expired), in a neutral colour.
 */
export function DeadlineTag({
  status,
  metOn = null,
  duty = 'municipality',
}: {
  status: DeadlineStatus;
  metOn?: PlainDate | null;
  duty?: DeadlineDuty;
}) {
  const { t } = useI18n();
  const tag = deadlineTagOf({ status, duty });
  return (
    <span className={`vt-deadline vt-deadline--${tag}`}>
      {t(`deadline.status.${tag}`, { date: metOn ? formatDate(metOn) : '' })}
    </span>
  );
}
