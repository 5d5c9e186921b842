import { useId, useState, type KeyboardEvent } from 'react';
import type { SpaceSummary } from '../../../../src/contract';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useSpaceSearch } from '../hooks/useSpaceSearch';

interface SpacePickerProps {
  id: string;
  issueKey: string;
  value: SpaceSummary | null;
  onChange: (space: SpaceSummary | null) => void;
  error?: string | null;
}

const spaceText = (space: SpaceSummary) => (space.name === space.key ? space.key : `${space.name} (${space.key})`);

/**
 * Type-ahead over Confluence spaces (ARIA combobox with a listbox): typing searches names and
 * keys, arrow keys move, Enter picks, Escape closes and keeps the current space.
 */
export function SpacePicker({ id, issueKey, value, onChange, error }: SpacePickerProps) {
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useSpaceSearch(issueKey, query ?? '', open);
  const options = search.spaces;
  const activeOption = options[Math.min(active, options.length - 1)];

  const pick = (space: SpaceSummary) => {
    onChange(space);
    setQuery(null);
    setOpen(false);
  };
  const close = () => {
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
      close();
    }
  };

  return (
    <div className="pir-field pir-picker pir-space-picker">
      <label className="pir-field__label" htmlFor={id}>
        Space
      </label>
      <div className="pir-picker__control">
        <input
          id={id}
          className="pir-input pir-picker__input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && activeOption ? `${listId}-${activeOption.id}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          placeholder="Search spaces by name or key"
          value={query ?? (value ? spaceText(value) : '')}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(event) => event.target.select()}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <Button appearance="subtle" spacing="compact" aria-label="Show spaces" aria-expanded={open} aria-controls={listId} tabIndex={-1} onClick={() => setOpen(!open)}>
          ▾
        </Button>
      </div>
      {open && (
        <ul className="pir-picker__list" id={listId} role="listbox" aria-label="Confluence spaces" onMouseDown={(event) => event.preventDefault()}>
          {search.error ? (
            <li className="pir-picker__note">{`Couldn't search spaces: ${search.error}`}</li>
          ) : options.length === 0 ? (
            <li className="pir-picker__note">{search.loading ? 'Searching…' : 'No spaces match. Spaces you cannot see are not listed.'}</li>
          ) : (
            options.map((space) => (
              <li
                key={space.id}
                id={`${listId}-${space.id}`}
                role="option"
                aria-selected={space === activeOption}
                data-space-key={space.key}
                className={`pir-picker__option${space === activeOption ? ' pir-picker__option--active' : ''}`}
                onClick={() => pick(space)}
              >
                <span className="pir-space-picker__key">{space.key}</span>
                <span className="pir-truncate">{space.name}</span>
              </li>
            ))
          )}
        </ul>
      )}
      {error && <InlineError id={`${id}-error`}>{error}</InlineError>}
    </div>
  );
}
