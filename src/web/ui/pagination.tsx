import { useI18n } from '../i18n/i18n.tsx';
import { formatNumber } from './number-format.ts';

/**
 * DKFDS pagination: previous/next with the page count; every list in Visitator is paged. A list counted only up to
 * a cap (`totalCapped`, shared/api/page.ts) says "of more than N" pages; the cap moves with the page, so there is
 * always a next page while it is capped.
 */
export function Pagination({
  page,
  pageSize,
  total,
  totalCapped = false,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  totalCapped?: boolean | undefined;
  onPage: (p: number) => void;
}) {
  const { t, lang } = useI18n();
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
        <li className="pagination-item vt-pagination-page" aria-live="polite">
          {totalCapped
            ? t('pagination.pageOfMore', { page, pages: formatNumber(pages, lang) })
            : t('pagination.page', { page, pages })}
        </li>
        <li className="pagination-item">
          <button
            type="button"
            className="button button-secondary"
            disabled={page >= pages && !totalCapped}
            onClick={() => onPage(page + 1)}
          >
            {t('pagination.next')}
          </button>
        </li>
      </ul>
    </nav>
  );
}
