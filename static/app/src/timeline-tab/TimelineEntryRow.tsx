import { memo, useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { AnnotationPatch, ManualEntryInput, TimelineEntry } from '../../../../src/contract';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useAppContext } from '../hooks/useAppContext';
import type { TimelineReview } from '../hooks/useTimelineReview';
import { formatTimeOfDay } from '../timeline-model/zoned-time';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationSummary } from './AnnotationSummary';
import { EntryMeta } from './EntryMeta';
import { EntryText } from './EntryText';
import { ManualEntryForm } from './ManualEntryForm';
import { RemoveManualEntry } from './RemoveManualEntry';

interface TimelineEntryRowProps {
  entry: TimelineEntry;
  isOpen: boolean;
  error: string | undefined;
  /** Opens the editor of an entry (null closes). */
  onOpen: (entryId: string | null) => void;
  /** Without `annotate` and `write` the row is read-only (the Confluence macro). */
  annotate?: TimelineReview['annotate'] | undefined;
  write?: TimelineReview['write'] | undefined;
}

/**
 * One entry. The row is a tab stop: Enter or Space opens the annotation editor, Escape closes it
 * and returns focus to the row. Memoised: a thousand rows re-render only when their entry changes.
 */
export const TimelineEntryRow = memo(function TimelineEntryRow({ entry, isOpen, error, onOpen, annotate, write }: TimelineEntryRowProps) {
  const { locale, timezone } = useAppContext();
  const row = useRef<HTMLLIElement>(null);
  const [editingText, setEditingText] = useState(false);
  const time = formatTimeOfDay(entry.at, locale, timezone);
  const entryName = `the entry at ${time}`;

  const readOnly = !annotate || !write;
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (readOnly) return;
    if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onOpen(isOpen ? null : entry.id);
    } else if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      onOpen(null);
      row.current?.focus();
    }
  };
  const onAnnotate = useCallback((patch: AnnotationPatch, what: string) => annotate?.(entry.id, patch, what), [annotate, entry.id]);
  const close = () => {
    onOpen(null);
    row.current?.focus();
  };
  const manual = entry.source === 'manual';
  const input = (): ManualEntryInput => ({
    at: entry.at,
    manualKind: entry.manualKind ?? 'note',
    actorName: entry.actorName ?? '',
    text: entry.text,
  });

  return (
    // Read-only rows are not tab stops, but the recovery plot can still move focus to them.
    <li
      id={`pir-entry-${entry.id}`}
      ref={row}
      className={`pir-entry${isOpen && !readOnly ? ' pir-entry--open' : ''}${readOnly ? ' pir-entry--read-only' : ''}`}
      tabIndex={readOnly ? -1 : 0}
      onKeyDown={onKeyDown}
    >
      <time className="pir-entry__time" dateTime={entry.at}>
        {time}
      </time>
      <div className="pir-entry__body">
        <EntryMeta entry={entry} />
        {editingText && write ? (
          <ManualEntryForm
            initial={input()}
            submitLabel="Save entry"
            onSubmit={(next) => write('timeline/manual/update', { entryId: entry.id, entry: next }, null)}
            onDone={() => setEditingText(false)}
          />
        ) : (
          <EntryText text={entry.text} />
        )}
        <div className="pir-entry__annotations">
          <AnnotationSummary annotation={entry.annotation} />
          {!readOnly && (
            <Button appearance="subtle" spacing="compact" aria-expanded={isOpen} onClick={() => onOpen(isOpen ? null : entry.id)}>
              {isOpen ? 'Close' : 'Annotate'}
              <span className="pir-visually-hidden"> {entryName}</span>
            </Button>
          )}
        </div>
        {isOpen && write && (
          <AnnotationEditor
            entry={entry}
            entryName={entryName}
            onAnnotate={onAnnotate}
            onClose={close}
            manualActions={
              manual && (
                <>
                  <Button appearance="subtle" spacing="compact" onClick={() => setEditingText(true)}>
                    Edit entry
                  </Button>
                  <RemoveManualEntry remove={() => write('timeline/manual/remove', { entryId: entry.id }, `removing ${entryName}`)} />
                </>
              )
            }
          />
        )}
        {error && <InlineError>{error}</InlineError>}
      </div>
    </li>
  );
});
