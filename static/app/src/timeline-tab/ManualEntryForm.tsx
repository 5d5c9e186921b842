import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ManualEntryInput, ManualKind } from '../../../../src/contract';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { Select } from '../components/Select';
import { useAction } from '../hooks/useAction';
import { useAppContext } from '../hooks/useAppContext';
import { MANUAL_KIND_LABEL, keysOf } from '../timeline-model/labels';
import { validateManualEntry, type ManualEntryDraft, type ManualEntryErrors } from '../timeline-model/manual-entry';
import { fromDateTimeLocal, toDateTimeLocal } from '../timeline-model/zoned-time';

interface ManualEntryFormProps {
  initial?: ManualEntryInput;
  submitLabel: string;
  /** Resolves when saved; rejects with the AppRequestError (the form keeps what was typed). */
  onSubmit: (entry: ManualEntryInput) => Promise<unknown>;
  onDone: () => void;
}

const KIND_OPTIONS = keysOf(MANUAL_KIND_LABEL).map((value) => ({ value, label: MANUAL_KIND_LABEL[value] }));

/** A manual entry (status page update, chat excerpt, command run, note): time in the viewer's zone. */
export function ManualEntryForm({ initial, submitLabel, onSubmit, onDone }: ManualEntryFormProps) {
  const { timezone } = useAppContext();
  const id = useId();
  const [draft, setDraft] = useState<ManualEntryDraft>(() => ({
    at: initial ? toDateTimeLocal(initial.at, timezone) : '',
    manualKind: initial?.manualKind ?? 'note',
    actorName: initial?.actorName ?? '',
    text: initial?.text ?? '',
  }));
  const [errors, setErrors] = useState<ManualEntryErrors>({});
  const { run, busy, error } = useAction(onSubmit);

  const set = <K extends keyof ManualEntryDraft>(field: K, value: ManualEntryDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateManualEntry(draft, (value) => fromDateTimeLocal(value, timezone));
    setErrors(found.errors);
    if (!found.entry) return;
    void run(found.entry).then((ok) => ok && onDone());
  };

  // Server-side field messages (VALIDATION) land on the same fields as the local ones.
  const serverField = (field: string) =>
    error?.fields && Object.entries(error.fields).find(([path]) => path.split('.').pop() === field)?.[1];
  const fieldError = (field: keyof ManualEntryDraft) => errors[field] ?? serverField(field);
  const formError =
    error &&
    (error.code === 'CONFLICT'
      ? `Someone else changed the review meanwhile, so this entry was not ${initial ? 'saved' : 'added'}. The latest timeline is shown; your text is still here — ${submitLabel.toLowerCase()} again to apply it.`
      : error.code === 'VALIDATION' && error.fields
        ? null
        : `Not ${initial ? 'saved' : 'added'}. ${error.message}`);

  const field = (
    name: keyof ManualEntryDraft,
    label: string,
    control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode,
  ) => {
    const message = fieldError(name);
    return (
      <div className={`pir-field pir-field--${name}`}>
        <label className="pir-field__label" htmlFor={`${id}-${name}`}>
          {label}
        </label>
        {control({ id: `${id}-${name}`, ...(message ? { 'aria-invalid': true, 'aria-describedby': `${id}-${name}-error` } : {}) })}
        {message && <InlineError id={`${id}-${name}-error`}>{message}</InlineError>}
      </div>
    );
  };

  return (
    <form className="pir-manual-form" onSubmit={submit} noValidate aria-label={initial ? 'Edit manual entry' : 'Add a manual entry'}>
      <div className="pir-manual-form__row">
        {field('at', `When (${timezone.replace(/_/g, ' ')})`, (props) => (
          <input
            {...props}
            autoFocus={!initial}
            className="pir-input"
            type="datetime-local"
            value={draft.at}
            onChange={(event) => set('at', event.target.value)}
          />
        ))}
        {field('manualKind', 'Kind', (props) => (
          <Select
            {...props}
            options={KIND_OPTIONS}
            value={draft.manualKind}
            onChange={(event) => set('manualKind', event.target.value as ManualKind)}
          />
        ))}
        {field('actorName', 'Who', (props) => (
          <input
            {...props}
            className="pir-input"
            type="text"
            autoComplete="off"
            placeholder="Name or team"
            value={draft.actorName}
            onChange={(event) => set('actorName', event.target.value)}
          />
        ))}
      </div>
      {field('text', 'What happened', (props) => (
        <textarea
          {...props}
          className="pir-input pir-textarea"
          rows={3}
          value={draft.text}
          onChange={(event) => set('text', event.target.value)}
        />
      ))}
      {formError && <InlineError>{formError}</InlineError>}
      <div className="pir-form-actions">
        <Button appearance="primary" type="submit" spacing="compact" isLoading={busy}>
          {submitLabel}
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
