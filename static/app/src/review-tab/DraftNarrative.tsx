import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { NarrativeDraft } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { TopLink } from '../components/TopLink';
import { useAppContext } from '../hooks/useAppContext';
import { setContent } from '../review-model/draft-edits';
import { useEditor } from './editor-context';

/**
 * "Draft what happened": asks the backend for a paragraph drafted from the timeline (key moments,
 * metrics, entries annotated as helping or slowing recovery), shows it sentence by sentence with
 * the entries each came from, and puts it in the description only when asked; text already typed
 * there is replaced only after a confirmation. Nothing is saved until the review is.
 */
export function DraftNarrative() {
  const id = useId();
  const { editor } = useEditor();
  const { timezone } = useAppContext();
  const [draft, setDraft] = useState<NarrativeDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const typed = editor.draft.content.description.trim();

  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  const request = async () => {
    setBusy(true);
    setError(null);
    setConfirming(false);
    try {
      setDraft(await invoke('review/draft', { issueKey: editor.doc.incidentKey, timeZone: timezone }));
    } catch (failure) {
      setError(`No draft. ${toAppRequestError(failure).message}`);
    } finally {
      setBusy(false);
    }
  };
  const insert = () => {
    if (!draft) return;
    setContent(editor.edit, 'description', draft.text);
    setDraft(null);
    setConfirming(false);
  };
  const use = () => (typed && typed !== draft?.text.trim() ? setConfirming(true) : insert());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && confirming) {
      event.preventDefault();
      setConfirming(false);
    }
  };

  return (
    <div className="pir-narrative-host">
      <Button spacing="compact" isLoading={busy} onClick={() => void request()} aria-controls={draft ? `${id}-draft` : undefined}>
        Draft what happened
      </Button>
      {error && <InlineError>{error}</InlineError>}
      {draft && (
        <div
          className="pir-narrative"
          id={`${id}-draft`}
          role="region"
          aria-label="Drafted description"
          onKeyDown={onKeyDown}
          data-testid="narrative-draft"
        >
          {draft.sentences.length === 0 ? (
            <p>Nothing to draft from yet: mark key moments and annotate which entries helped or slowed recovery on the Timeline tab.</p>
          ) : (
            <ol className="pir-narrative__sentences">
              {draft.sentences.map((s, i) => (
                <li key={i}>
                  {s.text}
                  {s.sources.length > 0 && (
                    <span className="pir-narrative__sources">
                      {'From: '}
                      {s.sources.map((src, j) => (
                        <span key={src.entryId}>
                          {j > 0 && '; '}
                          {src.url ? <TopLink href={src.url}>{src.label}</TopLink> : src.label}
                        </span>
                      ))}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
          {confirming ? (
            <div className="pir-narrative__confirm" role="alertdialog" aria-modal="false" aria-labelledby={`${id}-confirm`}>
              <h4 id={`${id}-confirm`}>Replace the description you typed?</h4>
              <p>The description already has text: the draft replaces all of it. Nothing is saved until you save the review.</p>
              <div className="pir-form-actions">
                <Button appearance="danger" spacing="compact" onClick={insert}>
                  Replace description
                </Button>
                <Button ref={keep} spacing="compact" onClick={() => setConfirming(false)}>
                  Keep my text
                </Button>
              </div>
            </div>
          ) : (
            <div className="pir-form-actions">
              <Button appearance="primary" spacing="compact" isDisabled={draft.sentences.length === 0} onClick={use}>
                Use this draft
              </Button>
              <Button appearance="subtle" spacing="compact" onClick={() => setDraft(null)}>
                Discard
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
