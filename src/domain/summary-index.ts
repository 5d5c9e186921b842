/**
 * The pre-aggregated index behind After Action Summaries (docs/DECISIONS.md#journeys, journey 6;
 * docs/DECISIONS.md#performance; issue 6), one concern per module in src/domain/summaries/: where
 * a row lives and how a shard is stored (shards), a review's row (rows), what a page load works
 * out (query), the charts' trends (trends) and the CSV (csv). Pure.
 */
export { defuseFormula } from './csv-cell';
export type { MonthTrend, SummaryRow } from '../contract';
export * from './summaries/shards';
export * from './summaries/rows';
export * from './summaries/query';
export * from './summaries/trends';
export * from './summaries/csv';
