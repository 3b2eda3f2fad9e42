import { useState } from 'react';
import type { LetterView } from '../../../shared/cases/complaint.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLetter, useLetterDraft } from '../../modules/cases/cases.api.ts';

/** A journalised letter shown in the page as the citizen will read it, from the same text as the PDF. */
export function LetterPreview({ caseId, documentId, title }: { caseId: string; documentId: string; title: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const letter = useLetter(caseId, documentId, open);
  const l = letter.data;
  return (
    <>
      <button
        type="button"
        className="button button-unstyled vt-link-button"
        aria-expanded={open}
        aria-controls={`letter-${documentId}`}
        onClick={() => setOpen(!open)}
      >
        {open ? t('letter.hide') : t('letter.show')}
        <span className="sr-only"> {title}</span>
      </button>
      {open ? <div id={`letter-${documentId}`}>{l ? <LetterArticle letter={l} /> : <p>{t('common.loading')}</p>}</div> : null}
    </>
  );
}

/** A letter as the citizen will read it, from the same text as the PDF: journalised, or previewed before sending. */
export function LetterArticle({ letter: l }: { letter: LetterView }) {
  const { t } = useI18n();
  return (
    <article className="vt-letter" aria-label={l.subject}>
      <p className="vt-letter__from">
        <strong>{l.municipality.name}</strong>
        {l.unitName ? <br /> : null}
        {l.unitName}
        {l.municipality.address ? <br /> : null}
        {l.municipality.address}
      </p>
      <p>
        {l.recipient.name}
        {l.recipient.address ? <br /> : null}
        {l.recipient.address}
        {l.recipient.postalCode || l.recipient.city ? <br /> : null}
        {[l.recipient.postalCode, l.recipient.city].filter(Boolean).join(' ')}
      </p>
      <p className="vt-letter__date">
        {l.date}
        <br />
        <span className="vt-muted">
          {t('letter.reference')}: {l.reference}
        </span>
      </p>
      <h3 className="h4">{l.subject}</h3>
      {l.paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of a stored letter never reorder
        <p key={i}>{p}</p>
      ))}
      <p>
        {t('letter.regards')}
        <br />
        {l.signature.name}
        <br />
        {l.signature.title}
      </p>
      {(l.appendices ?? []).map((a) => (
        <section key={a.title} className="vt-letter__appendix" aria-label={a.title}>
          <h4 className="h5">{a.title}</h4>
          {a.paragraphs.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs of a stored letter never reorder
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

/**
 * The letter a form would send, shown before it is sent (the server runs the sending with every check, then rolls
 * back). The free text is edited in the form's own fields; showing the letter again reflects the change.
 */
export function DraftLetter({ letter, stale }: { letter: LetterView | null | undefined; stale: boolean }) {
  const { t } = useI18n();
  if (letter === undefined) return null;
  return (
    <section className="vt-panel vt-draft-letter" aria-label={t('letter.draft')} data-testid="draft-letter">
      <h3 className="h4">{t('letter.draft')}</h3>
      <p className="vt-muted">{stale ? t('letter.draft.stale') : t('letter.draft.intro')}</p>
      {letter ? <LetterArticle letter={letter} /> : <p>{t('letter.draft.none')}</p>}
    </section>
  );
}

/**
 * A form's letter draft: `show` previews what the checked input would send; `stale` says the form changed since.
 * Refusals go to the form's own error handling, as from the sending itself.
 */
export function useDraftLetter<B>(caseId: string, path: string) {
  const draft = useLetterDraft<B>(caseId, path);
  const [shownFor, setShownFor] = useState<string | null>(null);
  return {
    /** Previews the checked body; `input` is the form's state it came from, to tell when the form has changed. */
    show(body: B, input: unknown, onError: (error: unknown) => void) {
      const key = JSON.stringify(input);
      draft.mutate(body, { onSuccess: () => setShownFor(key), onError });
    },
    letter: draft.data?.letter,
    isPending: draft.isPending,
    isStale: (input: unknown) => shownFor !== null && shownFor !== JSON.stringify(input),
  };
}
