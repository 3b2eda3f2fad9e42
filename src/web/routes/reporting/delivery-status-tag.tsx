import type { DeliveryStatus } from '../../../shared/ffb-reporting/ffb-reporting.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const TONE: Record<DeliveryStatus, 'met' | 'overdue' | 'due_soon' | 'open'> = {
  accepted: 'met',
  refused: 'overdue',
  rejected: 'overdue',
  failed: 'due_soon',
  pending: 'open',
  held: 'open',
};

/** A report's status in words and colour (the words carry the meaning). */
export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useI18n();
  return <span className={`vt-deadline vt-deadline--${TONE[status]}`}>{t(`ffb.status.${status}`)}</span>;
}
