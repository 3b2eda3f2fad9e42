import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseCommand } from '../../modules/cases/cases.api.ts';
import { MessageThread } from '../../ui/message-thread.tsx';

/** The conversation with the citizen: their messages from their own page, and the caseworker's answers. */
export function CitizenMessages({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const send = useCaseCommand<{ body: string }>(c.id, 'messages');
  return (
    <section aria-labelledby="citizen-messages-heading" className="vt-section" data-testid="citizen-messages">
      <h2 id="citizen-messages-heading">{t('messages.citizen')}</h2>
      <MessageThread id="cm-body" messages={c.messages} label={t('messages.toCitizen')} send={send} />
    </section>
  );
}
