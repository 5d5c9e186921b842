import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SummarySortKey } from '../../../../src/contract';
import { useSummaries } from '../hooks/useSummaries';
import { useSummaryRoute } from '../summaries/useSummaryRoute';
import { IncidentSummaryView } from '../summaries/IncidentSummaryView';
import { SummariesOverview } from '../summaries/SummariesOverview';
import { InsightsSection } from '../summaries/insights/InsightsSection';
import { ReviewSearch } from '../summaries/search/ReviewSearch';
import {
  DEFAULT_TABLE,
  filterQuery,
  listQuery,
  nextSort,
  rangeProblem,
  NO_FILTERS,
  type SummaryFilters,
  type TableState,
} from '../summaries/summary-filters';

/**
 * jira:globalPage "After Action Summaries": every review the viewer may see, with trends,
 * overdue countermeasures and the 24-hour rule; "Summary" opens one incident's printable page.
 * The list stays mounted (hidden) behind the summary, so Back returns to the same filters and page.
 * The open summary is in the product URL (`?incident=KEY`, useSummaryRoute), so it can be shared.
 */
export function SummariesPage() {
  const [filters, setFilters] = useState<SummaryFilters>(NO_FILTERS);
  const [table, setTable] = useState<TableState>(DEFAULT_TABLE);
  const { openKey, open, close } = useSummaryRoute();
  const list = useRef<HTMLDivElement>(null);

  const query = useMemo(() => listQuery(filters, table), [filters, table]);
  const csvQuery = useMemo(() => (rangeProblem(filters) ? null : filterQuery(filters, table)), [filters, table]);
  const summaries = useSummaries(query);

  const changeFilters = useCallback((next: SummaryFilters) => {
    setFilters(next);
    setTable((t) => ({ ...t, page: 1 }));
  }, []);
  const sortBy = useCallback((key: SummarySortKey) => setTable((t) => ({ ...t, ...nextSort(t, key), page: 1 })), []);
  const goTo = useCallback((page: number) => setTable((t) => ({ ...t, page })), []);
  const sizeTo = useCallback((pageSize: number) => setTable((t) => ({ ...t, pageSize, page: 1 })), []);

  // Focus returns to the button that opened the summary once the list is shown again, whether
  // "Back to all reviews", Escape or the browser's Back closed it.
  const lastOpen = useRef<string | null>(null);
  useEffect(() => {
    const key = lastOpen.current;
    lastOpen.current = openKey;
    if (openKey !== null || key === null) return;
    requestAnimationFrame(() => list.current?.querySelector<HTMLButtonElement>(`[data-summary-key="${CSS.escape(key)}"]`)?.focus());
  }, [openKey]);

  return (
    <>
      <div ref={list} hidden={openKey !== null} className="pir-summaries-no-print">
        <SummariesOverview
          filters={filters}
          onFilters={changeFilters}
          table={table}
          onSort={sortBy}
          onPage={goTo}
          onPageSize={sizeTo}
          summaries={summaries}
          csvQuery={csvQuery}
          onOpen={open}
          search={<ReviewSearch onOpen={open} />}
        />
        <InsightsSection filters={csvQuery} />
      </div>
      {openKey && <IncidentSummaryView key={openKey} issueKey={openKey} onBack={close} onOpen={open} />}
    </>
  );
}
