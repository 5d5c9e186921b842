import { useMemo } from 'react';
import type { SummaryInsights, SummaryQuery } from '../../../../../src/contract';
import { LoadError } from '../../components/LoadError';
import { Spinner } from '../../components/Spinner';
import { useResolver, type AsyncResult } from '../../hooks/useResolver';
import { BacklogChart } from './BacklogChart';
import { GroupChart } from './GroupChart';
import { PastPolicyList } from './PastPolicyList';
import { PolicyPanel } from './PolicyPanel';

type Filters = Omit<SummaryQuery, 'page' | 'pageSize'>;

function Tile({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="pir-insights__tile">
      <dt className="pir-insights__tile-label">{label}</dt>
      <dd className="pir-insights__tile-value">{value}</dd>
      <dd className="pir-insights__tile-detail pir-subtle">{detail}</dd>
    </div>
  );
}

/**
 * Insights across the reviews the filters select (issue 17): why incidents happen (factor
 * categories), where (services), and whether countermeasures get done. Each chart has its data
 * and a CSV; the numbers come from `summaries/insights`, counted only over what the viewer may see.
 */
export function InsightsSection({ filters }: { filters: Filters | null }) {
  // The table's sort order means nothing to an aggregate.
  const query = useMemo(() => {
    if (!filters) return null;
    const { sort: _sort, dir: _dir, ...rest } = filters;
    return rest;
  }, [filters]);
  return (
    // Laid out like the overview's page (it renders its own <main>; this section follows it).
    <section className="pir-page pir-summaries pir-insights" aria-labelledby="pir-insights-heading">
      <h2 className="pir-summaries-section__heading" id="pir-insights-heading">
        Insights
      </h2>
      {query ? <InsightsBody query={query} /> : <p className="pir-subtle">Fix the date range to see insights.</p>}
    </section>
  );
}

function InsightsBody({ query }: { query: Omit<Filters, 'sort' | 'dir'> }) {
  const { state, retry } = useResolver('summaries/insights', query);
  return (
    <>
      <InsightsData state={state} retry={retry} />
      {/* Outside the data's loading state, so a save's confirmation survives the insights reloading. */}
      <PolicyPanel onSaved={retry} />
    </>
  );
}

function InsightsData({ state, retry }: Pick<AsyncResult<SummaryInsights>, 'state' | 'retry'>) {
  if (state.status === 'loading') return <Spinner label="Loading insights" />;
  if (state.status === 'error') return <LoadError what="the insights" error={state.error} onRetry={retry} />;
  const data = state.data;
  const c = data.countermeasures;
  const rate = c.completionRate === null ? '—' : `${Math.round(c.completionRate * 100)}%`;
  return (
    <div className="pir-insights__body">
      <dl className="pir-insights__tiles" aria-label="Countermeasures">
        <Tile label="Incidents" value={String(data.incidents)} detail="reviews you can see in this range" />
        <Tile label="Countermeasures done" value={rate} detail={c.total === 0 ? 'no countermeasures yet' : `${c.done} of ${c.total}`} />
        <Tile
          label="Median time to close"
          value={c.medianDaysToClose === null ? '—' : `${c.medianDaysToClose} ${c.medianDaysToClose === 1 ? 'day' : 'days'}`}
          detail={c.closedDated === 0 ? 'none closed with a date yet' : `over ${c.closedDated} closed in Jira`}
        />
        <Tile label="Open" value={String(c.open)} detail={c.notInJira > 0 ? `${c.notInJira} not in Jira yet` : 'all tracked in Jira'} />
      </dl>
      <div className="pir-insights__grid">
        <GroupChart
          id="pir-insights-services"
          title="By service"
          groupLabel="Service"
          groups={data.byService}
          filename={`insights-by-service-${data.from}-to-${data.to}.csv`}
          empty="No review in this range names the services impacted."
        />
        <GroupChart
          id="pir-insights-factors"
          title="By contributing-factor category"
          groupLabel="Factor category"
          groups={data.byFactorCategory}
          filename={`insights-by-factor-category-${data.from}-to-${data.to}.csv`}
          empty="No review in this range has contributing factors yet."
        />
        <BacklogChart points={data.backlog} />
        <PastPolicyList items={data.pastPolicy} total={data.pastPolicyTotal} />
      </div>
    </div>
  );
}
