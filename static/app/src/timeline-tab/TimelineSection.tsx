import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { useAppContext } from '../hooks/useAppContext';
import type { TimelineReview } from '../hooks/useTimelineReview';
import { groupByDay } from '../timeline-model/day-groups';
import { activeFilterCount, filterEntries, NO_FILTERS, peopleOptions, sourceOptions } from '../timeline-model/timeline-filters';
import { zoneAbbreviation } from '../timeline-model/zoned-time';
import { EntriesLoading } from './EntriesLoading';
import { ImportChatDialog } from '../chat/ImportChatDialog';
import { ManualEntryForm } from './ManualEntryForm';
import { TimelineDayGroup } from './TimelineDayGroup';
import { TimelineFiltersBar } from './TimelineFiltersBar';

/** The filterable timeline, grouped by day in the viewer's zone, with "Add entry". */
export function TimelineSection({ review }: { review: TimelineReview }) {
  const { view, entries } = review;
  const { locale, timezone } = useAppContext();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  // Typing in the search box stays responsive: the list catches up in the background.
  const shownFilters = useDeferredValue(filters);
  const visible = useMemo(() => filterEntries(entries, shownFilters), [entries, shownFilters]);
  const groups = useMemo(() => groupByDay(visible, timezone), [visible, timezone]);
  const people = useMemo(() => peopleOptions(view.people, entries), [view.people, entries]);
  const sources = useMemo(() => sourceOptions(entries), [entries]);
  const zone = zoneAbbreviation(entries[0]?.at ?? view.pulledAt, locale, timezone);
  const { loading } = review;
  // Every entry the viewer may see, loaded or not (pages come on demand).
  const total = Math.max(view.paging.total, entries.length);
  const filtering = activeFilterCount(filters) > 0;
  // A search or a filter is over the whole timeline: it asks for every page left.
  useEffect(() => {
    if (filtering && loading.remaining > 0 && !loading.busy && !loading.error) loading.all();
  }, [filtering, loading]);

  const addForm = adding && (
    <ManualEntryForm
      submitLabel="Add entry"
      onSubmit={(entry) => review.write('timeline/manual/add', { entry }, null)}
      onDone={() => setAdding(false)}
    />
  );

  return (
    <section className="pir-section pir-timeline" aria-labelledby="pir-timeline-heading" data-ready="timeline">
      <div className="pir-timeline__head">
        <h2 className="pir-section__heading" id="pir-timeline-heading">
          Timeline <span className="pir-count">{total}</span>
        </h2>
        <span className="pir-subtle pir-timeline__zone">
          Times in {timezone.replace(/_/g, ' ')} ({zone})
        </span>
        {entries.length > 0 && (
          <Button spacing="compact" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            Add entry
          </Button>
        )}
        <Button spacing="compact" aria-expanded={importing} onClick={() => setImporting(!importing)}>
          Import chat
        </Button>
      </div>
      {importing && <ImportChatDialog review={review} onClose={() => setImporting(false)} />}
      {entries.length === 0 && loading.remaining === 0 ? (
        adding ? (
          addForm
        ) : (
          <EmptyState
            headingLevel={3}
            header="No history yet"
            description="Nothing has happened on this incident or its linked issues that Jira recorded. Refresh from Jira later, or add what happened elsewhere: status page updates, chat excerpts, commands run."
            actions={<Button onClick={() => setAdding(true)}>Add entry</Button>}
          />
        )
      ) : (
        <>
          {addForm}
          <TimelineFiltersBar filters={filters} onChange={setFilters} sources={sources} people={people} />
          <p className="pir-subtle pir-timeline__count" aria-live="polite">
            {visible.length === total
              ? `${total} entries`
              : filtering
                ? `Showing ${visible.length} of ${total} entries`
                : `Showing the first ${visible.length} of ${total} entries`}
          </p>
          {groups.length === 0 && loading.remaining > 0 ? null : groups.length === 0 ? (
            <p className="pir-timeline__none">
              No entries match these filters.{' '}
              <Button appearance="link" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </Button>
            </p>
          ) : (
            groups.map((group) => <TimelineDayGroup key={group.day} group={group} openId={openId} onOpen={setOpenId} review={review} />)
          )}
          <EntriesLoading loading={loading} auto />
        </>
      )}
    </section>
  );
}
