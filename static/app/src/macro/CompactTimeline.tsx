import { useMemo, useState } from 'react';
import type { TimelineEntry } from '../../../../src/contract';
import { Button } from '../components/Button';
import { useAppContext } from '../hooks/useAppContext';
import type { EntryLoading } from '../hooks/usePagedEntries';
import { EntriesLoading } from '../timeline-tab/EntriesLoading';
import { TimelineDayGroup } from '../timeline-tab/TimelineDayGroup';
import { groupByDay } from '../timeline-model/day-groups';
import { zoneAbbreviation } from '../timeline-model/zoned-time';
import { compactEntries } from './macro-config';

const noOpen = () => undefined;

/**
 * The timeline by day in the viewer's zone, read-only (the issue panel's rows without annotating),
 * compact: the annotated entries, or the first ones, until "Show all".
 */
export function CompactTimeline({
  entries,
  loading,
  total,
}: {
  entries: readonly TimelineEntry[];
  loading: EntryLoading | null;
  total?: number;
}) {
  const { locale, timezone } = useAppContext();
  const [all, setAll] = useState(false);
  const compact = useMemo(() => compactEntries(entries), [entries]);
  const shown = all ? entries : compact.shown;
  const groups = useMemo(() => groupByDay(shown, timezone), [shown, timezone]);
  const first = entries[0];
  return (
    <section className="pir-section pir-timeline pir-timeline--compact pir-macro__part" aria-labelledby="pir-timeline-heading">
      <div className="pir-timeline__head">
        <h2 className="pir-section__heading" id="pir-timeline-heading">
          Timeline <span className="pir-count">{Math.max(total ?? 0, entries.length)}</span>
        </h2>
        {first && (
          <span className="pir-subtle pir-timeline__zone">
            Times in {timezone.replace(/_/g, ' ')} ({zoneAbbreviation(first.at, locale, timezone)})
          </span>
        )}
      </div>
      {!all && compact.hidden > 0 && (
        <p className="pir-subtle pir-timeline__count">
          {compact.annotatedOnly
            ? `Showing the ${shown.length} annotated entries of ${Math.max(total ?? 0, entries.length)}.`
            : `Showing the first ${shown.length} of ${Math.max(total ?? 0, entries.length)} entries.`}
        </p>
      )}
      {groups.length === 0 ? (
        loading && loading.remaining > 0 ? null : (
          <p className="pir-subtle">No timeline entries yet.</p>
        )
      ) : (
        groups.map((group) => <TimelineDayGroup key={group.day} group={group} openId={null} onOpen={noOpen} />)
      )}
      {(all || compact.hidden === 0) && loading && <EntriesLoading loading={loading} />}
      {compact.hidden > 0 && (
        <Button spacing="compact" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${entries.length} entries`}
        </Button>
      )}
    </section>
  );
}
