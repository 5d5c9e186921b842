import { useId, useState, type KeyboardEvent } from 'react';
import type { Person } from '../../../../src/contract';
import { Avatar } from '../components/Avatar';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useUserSearch } from '../hooks/useUserSearch';
import { useEditor } from './editor-context';

interface PeoplePickerProps {
  /** The input's id (the field path's DOM id, so errors and guide links can focus it). */
  id: string;
  label: string;
  value: Person | null;
  onChange: (person: Person | null) => void;
  error?: string | undefined;
  placeholder?: string;
  /** People already chosen elsewhere (participants), left out of the options. */
  exclude?: readonly string[];
  hideLabel?: boolean;
  compact?: boolean;
}

/**
 * A type-ahead over Jira users (ARIA combobox with a listbox): arrow keys move, Enter picks,
 * Escape closes. Emptying the input and leaving it clears the person.
 */
export function PeoplePicker({ id, label, value, onChange, error, placeholder = 'Search people', exclude = [], hideLabel = false, compact = false }: PeoplePickerProps) {
  const { editor } = useEditor();
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useUserSearch(editor.doc.incidentKey, query ?? '', open);
  const options = search.people.filter((p) => !exclude.includes(p.accountId));
  const activeOption = options[Math.min(active, options.length - 1)];

  const pick = (person: Person | null) => {
    onChange(person);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      else if (options.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      if (activeOption) pick(activeOption);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setQuery(null);
    }
  };

  const describedBy = [error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`pir-field pir-picker${compact ? ' pir-picker--compact' : ''}`}>
      <label className={hideLabel ? 'pir-visually-hidden' : 'pir-field__label'} htmlFor={id}>
        {label}
      </label>
      <div className="pir-picker__control">
        {value && query === null && <Avatar name={value.displayName} />}
        <input
          id={id}
          className="pir-input pir-picker__input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && activeOption ? `${listId}-${activeOption.accountId}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          placeholder={placeholder}
          value={query ?? value?.displayName ?? ''}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(event) => event.target.select()}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // A click on an option lands before blur (mousedown is prevented on the list).
            if (query !== null && query.trim() === '') pick(null);
            else {
              setQuery(null);
              setOpen(false);
            }
          }}
        />
        {value && (
          <Button appearance="subtle" spacing="compact" aria-label="Clear" title={`Clear ${label.toLowerCase()}`} onClick={() => pick(null)}>
            ×
          </Button>
        )}
      </div>
      {open && (
        <ul className="pir-picker__list" id={listId} role="listbox" aria-label={`People for ${label.toLowerCase()}`} onMouseDown={(event) => event.preventDefault()}>
          {search.error ? (
            <li className="pir-picker__note">{`Couldn't search people: ${search.error}`}</li>
          ) : options.length === 0 ? (
            <li className="pir-picker__note">{search.loading ? 'Searching…' : 'No matching people'}</li>
          ) : (
            options.map((person) => (
              <li
                key={person.accountId}
                id={`${listId}-${person.accountId}`}
                role="option"
                aria-selected={person === activeOption}
                className={`pir-picker__option${person === activeOption ? ' pir-picker__option--active' : ''}`}
                onClick={() => pick(person)}
              >
                <Avatar name={person.displayName} />
                <span className="pir-truncate">{person.displayName}</span>
              </li>
            ))
          )}
        </ul>
      )}
      {error && <InlineError id={`${id}-error`}>{error}</InlineError>}
    </div>
  );
}
