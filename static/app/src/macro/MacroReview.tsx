import type { MacroResult, TimelineEntry, TimelineView } from '../../../../src/contract';
import { Lozenge } from '../components/Lozenge';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { useFullTimeline } from '../hooks/useFullTimeline';
import type { EntryLoading } from '../hooks/usePagedEntries';
import { IncidentHeader } from '../components/IncidentHeader';
import { STATUS_APPEARANCE, STATUS_LABEL } from '../review-model/labels';
import { KeyMetricsCard } from '../timeline-tab/KeyMetricsCard';
import { PhaseBar } from '../timeline-tab/PhaseBar';
import { RecoveryPlot } from '../timeline-tab/RecoveryPlot';
import { withAnnotated } from '../timeline-model/entry-pages';
import { CompactTimeline } from './CompactTimeline';
import { MacroActions } from './MacroActions';
import { MacroFactors } from './MacroFactors';
import { MacroLearnings } from './MacroLearnings';
import type { MacroPart } from './macro-config';

type Ok = Extract<MacroResult, { state: 'ok' }>;

const NOT_STARTED = 'The timeline appears here once the review is started from the incident in Jira.';

const NO_ENTRIES: readonly TimelineEntry[] = [];

/** One view of a review in a Confluence page, read-only: the parts the macro's view names, in order. */
export function MacroReview({ result, parts }: { result: Ok; parts: readonly MacroPart[] }) {
  const needsEntries = parts.includes('plot') || parts.includes('timeline');
  if (result.timeline && needsEntries) return <MacroWithEntries result={result} timeline={result.timeline} parts={parts} />;
  return <MacroParts result={result} parts={parts} timeline={result.timeline} entries={NO_ENTRIES} loading={null} />;
}

/** The plot and the timeline need every entry: the answer carries the first page, the rest loads here. */
function MacroWithEntries({ result, timeline, parts }: { result: Ok; timeline: TimelineView; parts: readonly MacroPart[] }) {
  const full = useFullTimeline(timeline);
  return <MacroParts result={result} parts={parts} timeline={full.view} entries={full.entries} loading={full.loading} />;
}

interface MacroPartsProps {
  result: Ok;
  parts: readonly MacroPart[];
  timeline: TimelineView | null;
  entries: readonly TimelineEntry[];
  loading: EntryLoading | null;
}

function MacroParts({ result, parts, timeline, entries, loading }: MacroPartsProps) {
  const { incident, doc } = result;
  const severity = timeline?.severity ?? incident.severity;

  const render = (part: MacroPart) => {
    switch (part) {
      case 'header':
        return (
          <IncidentHeader
            incident={incident}
            actions={
              <p className="pir-macro__badges">
                <SeverityLozenge severity={severity} />
                <span className="pir-subtle pir-truncate">{severity.description}</span>
                <span className="pir-macro__status" data-status={doc.status}>
                  <span className="pir-subtle">Review</span>
                  <Lozenge appearance={STATUS_APPEARANCE[doc.status]} isBold={doc.status === 'published'}>
                    {STATUS_LABEL[doc.status]}
                  </Lozenge>
                </span>
              </p>
            }
          />
        );
      case 'metrics':
        return timeline ? <KeyMetricsCard view={timeline} /> : <p className="pir-subtle">{`Key metrics: ${NOT_STARTED.toLowerCase()}`}</p>;
      case 'phases':
        return timeline ? (
          <section className="pir-card" aria-labelledby="pir-macro-phases">
            <h2 className="pir-card__heading" id="pir-macro-phases">
              Phases
            </h2>
            <PhaseBar moments={timeline.moments} metrics={timeline.metrics} />
          </section>
        ) : null;
      case 'plot':
        return timeline ? (
          <RecoveryPlot entries={withAnnotated(entries, timeline.annotated)} moments={timeline.moments} metrics={timeline.metrics} />
        ) : null;
      case 'timeline':
        return timeline ? (
          <CompactTimeline entries={withAnnotated(entries, timeline.annotated)} loading={loading} total={timeline.paging.total} />
        ) : (
          <p className="pir-subtle">{NOT_STARTED}</p>
        );
      case 'learnings':
        return <MacroLearnings learnings={doc.content.learnings} />;
      case 'factors':
        return <MacroFactors factors={doc.content.contributingFactors} />;
      case 'actions':
        return <MacroActions items={doc.actionItems} />;
    }
  };

  return (
    <article
      className="pir-panel pir-macro"
      aria-label={`Post-incident review of ${incident.key}`}
      data-macro-state="ok"
      data-macro-view={result.view}
    >
      {parts.map((part) => (
        <div className="pir-macro__slot" key={part} data-part={part}>
          {render(part)}
        </div>
      ))}
    </article>
  );
}
