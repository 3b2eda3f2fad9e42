import { useI18n } from '../i18n/i18n.tsx';

/** DKFDS pagination: previous/next with the page count; every list in Visitator is paged. */
export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (p: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <ul className="pagination__items">
        <li className="pagination-item">
          <button type="button" className="button button-secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('pagination.previous')}
          </button>
        </li>
        <li className="pagination-item pagination-mobile" aria-live="polite">
          {t('pagination.page', { page, pages })}
        </li>
        <li className="pagination-item">
          <button type="button" className="button button-secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
            {t('pagination.next')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
