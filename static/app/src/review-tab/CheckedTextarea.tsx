import { useMemo } from 'react';
import { InlineError } from '../components/InlineError';
import { useBlamelessCheck } from '../hooks/useBlamelessCheck';
import { draftPeopleNames } from '../review-model/draft-names';
import { useEditor } from './editor-context';
import { fieldDomId, type FieldPath } from '../review-model/field-paths';
import { stillValid } from '../review-model/finding-spans';
import { FindingList } from './FindingList';

interface CheckedTextareaProps {
  field: FieldPath;
  label: string;
  hint?: string;
  value: string;
  onChange: (text: string) => void;
  rows?: number;
  /** Renders a single-line input (summaries) instead of a textarea. */
  singleLine?: boolean;
  /** Hides the label visually (the row around it names the field); it stays for screen readers. */
  hideLabel?: boolean;
  maxLength?: number;
}

/** A free-text field checked for blame as it is typed; findings show under it, saving is never blocked. */
export function CheckedTextarea({
  field,
  label,
  hint,
  value,
  onChange,
  rows = 3,
  singleLine = false,
  hideLabel = false,
  maxLength,
}: CheckedTextareaProps) {
  const { editor, findingsFor } = useEditor();
  const names = useMemo(() => draftPeopleNames(editor.draft), [editor.draft]);
  const { checking, failed } = useBlamelessCheck(editor.doc.incidentKey, field, value, editor.reportFindings, names);
  const findings = stillValid(findingsFor(field), value);
  const error = editor.fieldErrors[field];
  const id = fieldDomId(field);
  const describedBy =
    [hint && `${id}-hint`, error && `${id}-error`, findings.length > 0 && `${id}-findings`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: `pir-input${singleLine ? '' : ' pir-textarea'}${findings.length > 0 ? ' pir-input--flagged' : ''}`,
    value,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="pir-field pir-checked">
      <label className={hideLabel ? 'pir-visually-hidden' : 'pir-field__label'} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="pir-field__hint pir-subtle" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {singleLine ? (
        <input {...common} type="text" autoComplete="off" onChange={(event) => onChange(event.target.value)} />
      ) : (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      )}
      {error && <InlineError id={`${id}-error`}>{error}</InlineError>}
      <p className="pir-checked__status pir-subtle" aria-live="polite">
        {checking ? 'Checking wording…' : failed ? 'Wording check unavailable just now.' : ''}
      </p>
      <FindingList id={`${id}-findings`} field={field} text={value} findings={findings} onChange={onChange} />
    </div>
  );
}
