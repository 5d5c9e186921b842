import type { MonthTrend } from '../../../../../src/contract';
import { CountermeasureTrendChart } from './CountermeasureTrendChart';
import { DurationTrendChart } from './DurationTrendChart';
import { SeverityTrendChart } from './SeverityTrendChart';

/** The three monthly trends of the filtered reviews. */
export function TrendCharts({ trends }: { trends: readonly MonthTrend[] }) {
  return (
    <section className="pir-summaries-section" aria-labelledby="pir-summaries-trends">
      <h2 className="pir-summaries-section__heading" id="pir-summaries-trends">
        Trends
      </h2>
      <div className="pir-summaries-charts">
        <DurationTrendChart trends={trends} />
        <SeverityTrendChart trends={trends} />
        <CountermeasureTrendChart trends={trends} />
      </div>
    </section>
  );
}
