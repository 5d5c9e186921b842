import { useState } from 'react';
import { Button } from '../components/Button';
import { useAppContext } from '../hooks/useAppContext';
import type { TimelineReview } from '../hooks/useTimelineReview';
import type { DayGroup } from '../timeline-model/day-groups';
import { formatDayHeading } from '../timeline-model/zoned-time';
import { TimelineEntryRow } from './TimelineEntryRow';

/** How many rows a day shows before "Show more": keeps the first render of huge days short. */
export const DAY_PAGE = 100;

interface TimelineDayGroupProps {
  group: DayGroup;
  openId: string | null;
  onOpen: (entryId: string | null) => void;
  /** Absent: the rows are read-only (the Confluence macro). */
  review?: Pick<TimelineReview, 'annotate' | 'write' | 'entryErrors'>;
}

export function TimelineDayGroup({ group, openId, onOpen, review }: TimelineDayGroupProps) {
  const { locale } = useAppContext();
  const [limit, setLimit] = useState(DAY_PAGE);
  const shown = group.entries.slice(0, limit);
  const rest = group.entries.length - shown.length;
  const headingId = `pir-day-${group.day}`;
  return (
    <section className="pir-day" aria-labelledby={headingId}>
      <h3 className="pir-day__heading" id={headingId}>
        {formatDayHeading(group.day, locale)}
        <span className="pir-count">{group.entries.length}</span>
      </h3>
      <ol className="pir-entries">
        {shown.map((entry) => (
          <TimelineEntryRow
            key={entry.id}
            entry={entry}
            isOpen={entry.id === openId}
            error={review?.entryErrors.get(entry.id)}
            onOpen={onOpen}
            annotate={review?.annotate}
            write={review?.write}
          />
        ))}
      </ol>
      {rest > 0 && (
        <Button appearance="default" spacing="compact" onClick={() => setLimit(limit + DAY_PAGE)}>
          {`Show ${Math.min(rest, DAY_PAGE)} more of ${rest}`}
        </Button>
      )}
    </section>
  );
}
