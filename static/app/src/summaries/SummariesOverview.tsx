import { useId, type ReactNode } from 'react';
import type { SummaryQuery, SummarySortKey } from '../../../../src/contract';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { InlineError } from '../components/InlineError';
import { LoadError } from '../components/LoadError';
import { Spinner } from '../components/Spinner';
import { useAppContext } from '../hooks/useAppContext';
import type { SummariesState } from '../hooks/useSummaries';
import { formatDay } from './format-day';
import { TrendCharts } from './charts/TrendCharts';
import { DueReviews } from './DueReviews';
import { ExportCsv } from './ExportCsv';
import { OverdueList } from './OverdueList';
import { Pager } from './Pager';
import { SummariesTable } from './SummariesTable';
import { SummaryFiltersBar } from './SummaryFiltersBar';
import { activeFilterCount, NO_FILTERS, type SummaryFilters, type TableState } from './summary-filters';

interface SummariesOverviewProps {
  filters: SummaryFilters;
  onFilters: (filters: SummaryFilters) => void;
  table: TableState;
  onSort: (key: SummarySortKey) => void;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  summaries: SummariesState;
  csvQuery: Omit<SummaryQuery, 'page' | 'pageSize'> | null;
  onOpen: (incidentKey: string) => void;
  /** Shown under the page's heading, before the filters (the review library search, issue 17). */
  search?: ReactNode;
}

/** Rows shaped like the table, so nothing jumps when the first answer arrives. */
function TableSkeleton() {
  return (
    <div className="pir-summaries-skeleton" role="status" aria-busy="true" aria-label="Loading reviews">
      {Array.from({ length: 6 }, (_, i) => (
        <div className="pir-summaries-skeleton__row" key={i}>
          <span className="pir-skeleton__bone pir-summaries-skeleton__key" />
          <span className="pir-skeleton__bone pir-summaries-skeleton__title" />
          <span className="pir-skeleton__bone pir-summaries-skeleton__pill" />
          <span className="pir-skeleton__bone pir-summaries-skeleton__cell" />
          <span className="pir-skeleton__bone pir-summaries-skeleton__cell" />
          <span className="pir-skeleton__bone pir-summaries-skeleton__cell" />
        </div>
      ))}
    </div>
  );
}

/** The list side of the page: 24-hour-rule flags, filters, the table, trends and overdue countermeasures. */
export function SummariesOverview({
  filters,
  onFilters,
  table,
  onSort,
  onPage,
  onPageSize,
  summaries,
  csvQuery,
  onOpen,
  search,
}: SummariesOverviewProps) {
  const { locale, timezone } = useAppContext();
  const captionId = useId();
  const { data, loading, error, retry } = summaries;
  const active = activeFilterCount(filters);

  const results = () => {
    // With nothing shown yet the error is the page; otherwise the last answer stays, with the error above it.
    if (error && !data) return <LoadError what="the reviews" error={error} onRetry={retry} />;
    if (!data) return <TableSkeleton />;
    if (data.total === 0) {
      return active > 0 ? (
        <EmptyState
          header="No reviews match these filters"
          description="Try a wider date range or fewer filters."
          actions={<Button onClick={() => onFilters(NO_FILTERS)}>Clear filters</Button>}
        />
      ) : (
        <EmptyState
          header="No reviews yet"
          description={`When teams hold post-incident reviews, each incident you can see is listed here with its severity, time to recover, customer impact and open countermeasures. Showing incidents whose impact started ${formatDay(data.from, locale)} – ${formatDay(data.to, locale)}.`}
        />
      );
    }
    const first = (data.page - 1) * data.pageSize + 1;
    const last = Math.min(data.page * data.pageSize, data.total);
    return (
      <>
        <section
          className={`pir-summaries-results${loading ? ' pir-summaries-results--busy' : ''}`}
          aria-labelledby="pir-summaries-reviews"
        >
          <div className="pir-summaries-results__head">
            <h2 className="pir-summaries-section__heading" id="pir-summaries-reviews">
              Reviews
            </h2>
            <p className="pir-summaries-results__caption pir-subtle" id={captionId} aria-live="polite">
              {`${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${data.total.toLocaleString('en')} · impact started ${formatDay(data.from, locale)} – ${formatDay(data.to, locale)} · times in ${timezone}`}
            </p>
            {loading && <Spinner size="small" label="Updating reviews" />}
          </div>
          <div className="pir-summaries-scroll" role="region" aria-label="Reviews table" tabIndex={0}>
            <SummariesTable rows={data.rows} sort={table} onSort={onSort} onOpen={onOpen} captionId={captionId} />
          </div>
          <Pager page={data.page} pages={data.pages} total={data.total} pageSize={data.pageSize} onPage={onPage} onPageSize={onPageSize} />
        </section>
        <div className={loading ? 'pir-summaries-results--busy' : undefined}>
          <TrendCharts trends={data.trends} />
        </div>
        <div className={loading ? 'pir-summaries-results--busy' : undefined}>
          <OverdueList items={data.overdue} total={data.overdueTotal} />
        </div>
      </>
    );
  };

  return (
    <main className="pir-page pir-summaries" aria-busy={loading}>
      <header className="pir-summaries__header">
        <div className="pir-summaries__intro">
          <h1 className="pir-page__title">After Action Summaries</h1>
          <p className="pir-subtle">
            Post-incident reviews of the incidents you can see: severity, time to acknowledge and recover, customer impact and
            countermeasures.
          </p>
        </div>
        <ExportCsv query={csvQuery} />
      </header>
      {search}
      {data && <DueReviews flags={data.dueReviews} />}
      <SummaryFiltersBar
        filters={filters}
        onChange={onFilters}
        shownRange={data ? { from: data.from, to: data.to } : null}
        options={data?.options ?? { projects: [], tags: [] }}
      />
      {error &&
        data &&
        (error.code === 'VALIDATION' ? (
          <InlineError>{error.message}</InlineError>
        ) : (
          <LoadError what="the reviews" error={error} onRetry={retry} />
        ))}
      {results()}
    </main>
  );
}
