import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type DragEvent, type KeyboardEvent } from 'react';
import type { ChatImportResult } from '../../../../src/contract';
import { CHAT_INPUT_MAX, parseTranscript, resolveTimes, type ChatFormat } from '../../../../src/domain/chat-import';
import { toAppRequestError } from '../app-error';
import { Button } from '../components/Button';
import { DatePicker } from '../components/DatePicker';
import { InlineError } from '../components/InlineError';
import { SectionMessage } from '../components/SectionMessage';
import { Select } from '../components/Select';
import { useAppContext } from '../hooks/useAppContext';
import type { TimelineReview } from '../hooks/useTimelineReview';
import { dayKeyOf, formatShortDateTime, fromDateTimeLocal } from '../timeline-model/zoned-time';
import { browserTimeZone, chatBatches, chatKey, timeZones } from './chat-batches';

const FORMAT_OPTIONS: { value: ChatFormat | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Detect' },
  { value: 'slack-json', label: 'Slack export (JSON)' },
  { value: 'slack-text', label: 'Slack (copied text)' },
  { value: 'teams-text', label: 'Microsoft Teams (copied text)' },
  { value: 'plain-log', label: 'Plain log (HH:MM Name: message)' },
];
const FORMAT_LABEL = Object.fromEntries(FORMAT_OPTIONS.map((o) => [o.value, o.label])) as Record<ChatFormat | 'auto', string>;
/** Longest message text shown in the preview before it is cut (the whole text is imported). */
const PREVIEW_TEXT = 240;

type Outcome = { kind: 'done'; added: number; skipped: number; linked: string[] } | { kind: 'error'; message: string };

/**
 * "Import chat": paste a transcript or drop a file, check the preview (time, author, text, and
 * each line that could not be read), deselect any message, add the rest as chat excerpts. The
 * server gives each message an id from its time, sender and text, so importing again adds
 * nothing twice; the preview marks what the loaded timeline already holds.
 */
export function ImportChatDialog({ review, onClose }: { review: TimelineReview; onClose: () => void }) {
  const id = useId();
  const { locale, timezone: viewerZone } = useAppContext();
  const [input, setInput] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [format, setFormat] = useState<ChatFormat | 'auto'>('auto');
  const [zone, setZone] = useState(browserTimeZone);
  const [date, setDate] = useState(() => dayKeyOf(review.view.incident.created, browserTimeZone()));
  const [deselected, setDeselected] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  useEffect(() => textarea.current?.focus(), []);

  const parsed = useMemo(() => parseTranscript(input, format === 'auto' ? undefined : format), [input, format]);
  const needsClock = parsed.messages.some((m) => m.time.kind === 'local');
  const needsDate = parsed.messages.some((m) => m.time.kind === 'local' && !m.time.date);
  const resolved = useMemo(
    () => resolveTimes(parsed.messages, { date, toInstant: (local) => fromDateTimeLocal(local, zone) }),
    [parsed.messages, date, zone],
  );
  const existing = useMemo(
    () => new Set(review.entries.filter((e) => e.manualKind === 'chat-excerpt').map((e) => chatKey(e.at, e.actorName ?? '', e.text))),
    [review.entries],
  );
  const rows = resolved.entries.map((e) => ({ ...e, already: existing.has(chatKey(e.at, e.author, e.text)) }));
  const chosen = rows.filter((r) => !r.already && !deselected.has(r.line));
  const problems = [...parsed.problems, ...resolved.problems].sort((a, b) => a.line - b.line);
  const unit = parsed.unit === 'line' ? 'Line' : 'Message';

  const setText = (text: string) => {
    setInput(text);
    setDeselected(new Set());
    setOutcome(null);
  };
  const readFile = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    if (file.size > CHAT_INPUT_MAX) {
      setFileError(`${file.name} is larger than ${CHAT_INPUT_MAX / 1_000_000} MB: export a shorter part of the conversation.`);
      return;
    }
    try {
      setText(await file.text());
    } catch {
      setFileError(`${file.name} could not be read.`);
    }
  };
  const onDrop = (event: DragEvent<HTMLTextAreaElement>) => {
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    setFileName(event.dataTransfer.files[0]?.name ?? null);
    void readFile(event.dataTransfer.files[0]);
  };
  const toggle = (line: number) =>
    setDeselected((current) => {
      const next = new Set(current);
      if (next.has(line)) next.delete(line);
      else next.add(line);
      return next;
    });

  const submit = async () => {
    setBusy(true);
    setOutcome(null);
    let added = 0;
    let skipped = 0;
    const linked = new Set<string>();
    try {
      for (const batch of chatBatches(chosen.map(({ at, author, text }) => ({ at, author, text })))) {
        const r = (await review.write('timeline/chat/import', { entries: batch }, null)) as ChatImportResult;
        added += r.added;
        skipped += r.skipped;
        for (const l of r.linked) linked.add(l.person.displayName);
      }
      setOutcome({ kind: 'done', added, skipped, linked: [...linked] });
    } catch (error) {
      const failure = toAppRequestError(error);
      const sofar = added > 0 ? ` ${added} message${added === 1 ? ' was' : 's were'} added before it stopped.` : '';
      setOutcome({
        kind: 'error',
        message:
          failure.code === 'CONFLICT'
            ? `Someone else changed the timeline meanwhile, so the import stopped.${sofar} The latest timeline is shown: import again to add the rest (nothing is added twice).`
            : `Not imported. ${failure.message}${sofar}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <section
      className="pir-chat-import"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
      data-testid="chat-import"
    >
      <h3 className="pir-chat-import__title" id={`${id}-title`}>
        Import chat
      </h3>
      <p className="pir-subtle">
        Paste a Slack or Microsoft Teams conversation, a Slack export (JSON) or a plain “10:42 Name: message” log, or drop its file here.
        Messages become chat excerpts on the timeline; importing the same conversation again adds nothing twice.
      </p>
      <div className="pir-field">
        <label className="pir-field__label" htmlFor={`${id}-text`}>
          Transcript
        </label>
        <textarea
          ref={textarea}
          id={`${id}-text`}
          className="pir-input pir-textarea pir-chat-import__text"
          rows={6}
          spellCheck={false}
          value={input}
          onChange={(event) => setText(event.target.value)}
          onDrop={onDrop}
          onDragOver={(event) => event.preventDefault()}
        />
        <div className="pir-chat-import__file">
          {/* The native file input's own button cannot be styled like Jira's; an Atlaskit button opens it instead, and it stays for drag and drop and tests. */}
          <input
            ref={fileInput}
            id={`${id}-file`}
            className="pir-visually-hidden"
            type="file"
            tabIndex={-1}
            aria-hidden="true"
            accept=".json,.txt,.log,text/plain,application/json"
            onChange={(event: ChangeEvent<HTMLInputElement>) => {
              const file = event.target.files?.[0];
              setFileName(file?.name ?? null);
              void readFile(file);
            }}
          />
          <Button spacing="compact" onClick={() => fileInput.current?.click()} aria-describedby={`${id}-file-name`}>
            Choose a file
          </Button>
          <span className="pir-subtle" id={`${id}-file-name`}>
            {fileName ?? 'No file chosen (.json, .txt or .log)'}
          </span>
        </div>
        {fileError && <InlineError>{fileError}</InlineError>}
      </div>
      {input.trim() && (
        <>
          <div className="pir-manual-form__row pir-chat-import__settings">
            <div className="pir-field">
              <label className="pir-field__label" htmlFor={`${id}-format`}>
                Format
              </label>
              <Select
                id={`${id}-format`}
                aria-describedby={`${id}-format-hint`}
                options={FORMAT_OPTIONS}
                value={format}
                onChange={(event) => {
                  setFormat(event.target.value as ChatFormat | 'auto');
                  setDeselected(new Set());
                }}
              />
              <span className="pir-subtle" id={`${id}-format-hint`}>
                {format === 'auto' ? `Read as: ${FORMAT_LABEL[parsed.format]}` : ' '}
              </span>
            </div>
            {needsDate && (
              <div className="pir-field">
                <label className="pir-field__label" htmlFor={`${id}-date`}>
                  Date of the first message
                </label>
                {/* A date is required: clearing it keeps the last one rather than leaving the times unresolved. */}
                <DatePicker id={`${id}-date`} value={date} onChange={(value) => value && setDate(value)} />
              </div>
            )}
            {needsClock && (
              <div className="pir-field">
                <label className="pir-field__label" htmlFor={`${id}-zone`}>
                  Times in the transcript are in
                </label>
                <Select
                  id={`${id}-zone`}
                  options={timeZones(zone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
                  value={zone}
                  onChange={(event) => setZone(event.target.value)}
                />
              </div>
            )}
          </div>
          {problems.length > 0 && (
            <div className="pir-chat-import__problems" role="group" aria-label="Lines that could not be read">
              <h4 className="pir-chat-import__subtitle">
                {problems.length} {problems.length === 1 ? 'part' : 'parts'} could not be read and will not be imported
              </h4>
              <ul>
                {problems.slice(0, 50).map((p, i) => (
                  <li key={`${p.line}-${i}`}>
                    <strong>{`${unit} ${p.line}:`}</strong> {p.message}
                    {p.excerpt && <span className="pir-subtle pir-chat-import__excerpt">{` “${p.excerpt}”`}</span>}
                  </li>
                ))}
                {problems.length > 50 && <li className="pir-subtle">{`and ${problems.length - 50} more`}</li>}
              </ul>
            </div>
          )}
          {rows.length === 0 ? (
            <p className="pir-subtle">No messages found yet. Check the format, or that each message has a name and a time.</p>
          ) : (
            <div className="pir-chat-import__preview">
              <table className="pir-chat-import__table">
                <caption className="pir-subtle">{`${rows.length} messages, times shown in ${viewerZone.replace(/_/g, ' ')}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="pir-visually-hidden">Import</span>
                    </th>
                    <th scope="col">Time</th>
                    <th scope="col">Author</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.line} className={r.already || deselected.has(r.line) ? 'pir-chat-import__row--off' : undefined}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Import the message from ${r.author} at ${formatShortDateTime(r.at, locale, viewerZone)}`}
                          checked={!r.already && !deselected.has(r.line)}
                          disabled={r.already || busy}
                          onChange={() => toggle(r.line)}
                        />
                      </td>
                      <td className="pir-chat-import__time">{formatShortDateTime(r.at, locale, viewerZone)}</td>
                      <td>{r.author}</td>
                      <td className="pir-chat-import__message">
                        {r.text.length > PREVIEW_TEXT ? `${r.text.slice(0, PREVIEW_TEXT)}…` : r.text}
                        {r.already && <span className="pir-subtle"> (already on the timeline)</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {outcome?.kind === 'done' && (
        <SectionMessage
          appearance="success"
          title={outcome.added > 0 ? `Added ${outcome.added} chat excerpt${outcome.added === 1 ? '' : 's'}` : 'Nothing new to add'}
        >
          {[
            outcome.skipped > 0
              ? `${outcome.skipped} ${outcome.skipped === 1 ? 'message was' : 'messages were'} already on the timeline.`
              : null,
            outcome.linked.length > 0 ? `Linked to Jira users: ${outcome.linked.join(', ')}.` : null,
          ]
            .filter(Boolean)
            .join(' ') || 'They are on the timeline now.'}
        </SectionMessage>
      )}
      {outcome?.kind === 'error' && <InlineError>{outcome.message}</InlineError>}
      <div className="pir-form-actions">
        <Button appearance="primary" spacing="compact" isDisabled={chosen.length === 0} isLoading={busy} onClick={() => void submit()}>
          {chosen.length === 0 ? 'Add messages' : `Add ${chosen.length} message${chosen.length === 1 ? '' : 's'}`}
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={onClose} isDisabled={busy}>
          {outcome?.kind === 'done' ? 'Close' : 'Cancel'}
        </Button>
      </div>
    </section>
  );
}
