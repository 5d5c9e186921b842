import type { Metrics, MomentProblem } from '../../../../src/contract';
import { MetricTile } from './MetricTile';
import { SectionMessage } from './SectionMessage';

/**
 * The head of every "Key metrics": a warning when key moments are out of order, then TTA, TTR and
 * impact duration as tiles. Shared by the issue panel's card and the After Action Summary.
 */
export function KeyDurations({ metrics, problems }: { metrics: Metrics; problems: readonly MomentProblem[] }) {
  return (
    <>
      {problems.length > 0 && (
        <SectionMessage appearance="warning" title="Key moments are out of order">
          <ul className="pir-problems">
            {problems.map((problem) => (
              <li key={problem.moments.join('-')}>{problem.message}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      <dl className="pir-metrics">
        <MetricTile abbreviation="TTA" label="Time to acknowledge" value={metrics.tta} />
        <MetricTile abbreviation="TTR" label="Time to recover" value={metrics.ttr} />
        <MetricTile label="Impact duration" value={metrics.impact} />
      </dl>
    </>
  );
}
