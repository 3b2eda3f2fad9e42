import type { PlainDate } from '../../../shared/plain-date.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../ui/format.ts';

/**
 * A deadline's state in words and colour (the words carry the meaning; colour is never the only cue). A deadline
 * met after its day reads "Overskredet, opfyldt 12.03.2027": it was overdue, and the step has since been taken.
 */
export function DeadlineTag({
  status,
  metOn = null,
}: {
  status: 'met' | 'met_late' | 'overdue' | 'due_soon' | 'open';
  metOn?: PlainDate | null;
}) {
  const { t } = useI18n();
  return (
    <span className={`vt-deadline vt-deadline--${status}`}>
      {t(`deadline.status.${status}`, { date: metOn ? formatDate(metOn) : '' })}
    </span>
  );
}
