import { useI18n } from '../../i18n/i18n.tsx';

/** A deadline's state in words and colour (the words carry the meaning; colour is never the only cue). */
export function DeadlineTag({ status }: { status: 'met' | 'met_late' | 'overdue' | 'due_soon' | 'open' }) {
  const { t } = useI18n();
  return <span className={`vt-deadline vt-deadline--${status}`}>{t(`deadline.status.${status}`)}</span>;
}
