import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KeyMomentName, MomentValue } from '../../../../src/contract';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useAction } from '../hooks/useAction';
import { useAppContext } from '../hooks/useAppContext';
import type { TimelineReview } from '../hooks/useTimelineReview';
import { MOMENT_LABEL } from '../timeline-model/labels';
import { fromDateTimeLocal, toDateTimeLocal } from '../timeline-model/zoned-time';

interface KeyMomentEditorProps {
  name: KeyMomentName;
  value: MomentValue;
  write: TimelineReview['write'];
  onClose: () => void;
}

const CONFLICT_TEXT =
  'Someone else changed the review meanwhile, so this was not saved. The latest version is shown; save again to apply your time.';

/** Sets a key moment in the viewer's zone, or resets it to what the timeline says. */
export function KeyMomentEditor({ name, value, write, onClose }: KeyMomentEditorProps) {
  const { timezone } = useAppContext();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value.at ? toDateTimeLocal(value.at, timezone) : '');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { run, busy, error } = useAction((at: string | null) => write('moments/set', { moment: name, at }, null));

  useEffect(() => input.current?.focus(), []);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const at = fromDateTimeLocal(text, timezone);
    if (!at) {
      setInvalid('Enter a date and time.');
      return;
    }
    setInvalid(null);
    void run(at).then((ok) => ok && onClose());
  };
  const reset = () => void run(null).then((ok) => ok && onClose());
  const message =
    invalid ?? (error ? (error.code === 'CONFLICT' ? CONFLICT_TEXT : `Not saved. ${error.fields?.['at'] ?? error.message}`) : null);

  return (
    <form className="pir-moment-editor" onSubmit={save} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <label className="pir-field" htmlFor={`${id}-at`}>
        <span className="pir-field__label">
          {MOMENT_LABEL[name]} <span className="pir-subtle">({timezone.replace(/_/g, ' ')})</span>
        </span>
        <input
          ref={input}
          id={`${id}-at`}
          className="pir-input"
          type="datetime-local"
          value={text}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {message && <InlineError id={`${id}-error`}>{message}</InlineError>}
      <div className="pir-form-actions">
        <Button appearance="primary" type="submit" spacing="compact" isLoading={busy}>
          Save
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={onClose}>
          Cancel
        </Button>
        {value.source === 'override' && (
          <Button appearance="link" onClick={reset} isDisabled={busy}>
            Reset to derived
          </Button>
        )}
      </div>
    </form>
  );
}
