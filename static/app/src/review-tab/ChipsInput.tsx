import { useState, type KeyboardEvent } from 'react';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { addChips } from '../review-model/chips';

interface ChipsInputProps {
  id: string;
  label: string;
  hint: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Tags become Jira labels, which cannot hold spaces. */
  allowSpaces: boolean;
  max: number;
  error?: string | undefined;
  /** Offered as the user types (a native datalist: keyboard and screen readers work as for any input). */
  suggestions?: readonly string[];
}

/** Chips typed into one input: Enter or comma adds, Backspace on an empty input removes the last. */
export function ChipsInput({ id, label, hint, values, onChange, allowSpaces, max, error, suggestions }: ChipsInputProps) {
  const [text, setText] = useState('');
  const commit = () => {
    if (text.trim() === '') return;
    onChange(addChips(values, text, allowSpaces, max));
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="pir-field pir-chips-input">
      <label className="pir-field__label" htmlFor={id}>
        {label}
      </label>
      <p className="pir-field__hint pir-subtle" id={`${id}-hint`}>
        {hint}
      </p>
      {values.length > 0 && (
        <ul className="pir-tag-list" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="pir-tag">
              <span className="pir-tag__text">{value}</span>
              <Button
                appearance="subtle"
                spacing="compact"
                aria-label={`Remove ${value}`}
                onClick={() => onChange(values.filter((v) => v !== value))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="pir-input"
        type="text"
        autoComplete="off"
        value={text}
        aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
        list={suggestions && suggestions.length > 0 ? `${id}-suggestions` : undefined}
      />
      {suggestions && suggestions.length > 0 && (
        <datalist id={`${id}-suggestions`}>
          {suggestions
            .filter((s) => !values.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      )}
      {error && <InlineError id={`${id}-error`}>{error}</InlineError>}
    </div>
  );
}
