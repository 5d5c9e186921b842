import { useEffect, useId, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import type { ResolverKey, ResolverMap } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { InlineError } from './InlineError';

/** Resolvers that search by `{ issueKey, query }` and answer with a list. */
export type SearchResolver = {
  [K in ResolverKey]: ResolverMap[K]['payload'] extends { issueKey: string; query: string } ? (ResolverMap[K]['result'] extends readonly unknown[] ? K : never) : never;
}[ResolverKey];

type SearchItem<K extends SearchResolver> = ResolverMap[K]['result'][number];

interface Search<T> {
  items: T[];
  loading: boolean;
  error: string | null;
}

/** Debounced type-ahead over a search resolver, while `enabled`. */
function useResolverSearch<K extends SearchResolver>(resolver: K, issueKey: string, query: string, enabled: boolean): Search<SearchItem<K>> {
  const settled = useDebouncedValue(query.trim(), 250);
  const [state, setState] = useState<Search<SearchItem<K>>>({ items: [], loading: false, error: null });

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    const request = invoke(resolver, { issueKey, query: settled }) as Promise<SearchItem<K>[]>;
    request.then(
      (items) => current && setState({ items, loading: false, error: null }),
      (error: unknown) => current && setState({ items: [], loading: false, error: toAppRequestError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [resolver, issueKey, settled, enabled]);

  return { ...state, loading: state.loading || (enabled && settled !== query.trim()) };
}

/** What the control's extra buttons may do. */
export interface ComboboxControls<T> {
  open: boolean;
  listId: string;
  setOpen: (open: boolean) => void;
  pick: (item: T | null) => void;
}

interface ComboboxProps<K extends SearchResolver> {
  /** The input's id. */
  id: string;
  label: string;
  hideLabel?: boolean;
  /** Added to the field's class names. */
  className?: string;
  placeholder: string;
  resolver: K;
  issueKey: string;
  value: SearchItem<K> | null;
  onChange: (item: SearchItem<K> | null) => void;
  error?: string | null | undefined;
  /** The input's text for the chosen item. */
  itemText: (item: SearchItem<K>) => string;
  itemId: (item: SearchItem<K>) => string;
  renderOption: (item: SearchItem<K>) => ReactNode;
  /** Extra attributes for an option's `<li>`. */
  optionAttributes?: (item: SearchItem<K>) => HTMLAttributes<HTMLLIElement> & Record<`data-${string}`, string>;
  /** Leaves results out of the options. */
  filter?: (item: SearchItem<K>) => boolean;
  listLabel: string;
  /** Noun in "Couldn't search …". */
  searchNoun: string;
  emptyText: string;
  /** Clicking the input opens the list. */
  openOnClick?: boolean;
  /** Leaving the input after emptying it clears the value. */
  clearOnEmptyBlur?: boolean;
  /** Shown before the input; `typing` while the input holds a query. */
  renderStart?: (typing: boolean) => ReactNode;
  /** Shown after the input. */
  renderEnd?: (controls: ComboboxControls<SearchItem<K>>) => ReactNode;
}

/**
 * A type-ahead (ARIA combobox with a listbox) over a search resolver: typing searches,
 * arrow keys move, Enter picks, Escape closes and keeps the current value.
 */
export function Combobox<K extends SearchResolver>({
  id,
  label,
  hideLabel = false,
  className,
  placeholder,
  resolver,
  issueKey,
  value,
  onChange,
  error,
  itemText,
  itemId,
  renderOption,
  optionAttributes,
  filter,
  listLabel,
  searchNoun,
  emptyText,
  openOnClick = false,
  clearOnEmptyBlur = false,
  renderStart,
  renderEnd,
}: ComboboxProps<K>) {
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useResolverSearch(resolver, issueKey, query ?? '', open);
  const options = filter ? search.items.filter(filter) : search.items;
  const activeOption = options[Math.min(active, options.length - 1)];

  const close = () => {
    setQuery(null);
    setOpen(false);
  };
  const pick = (item: SearchItem<K> | null) => {
    onChange(item);
    close();
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
    <div className={`pir-field pir-picker${className ? ` ${className}` : ''}`}>
      <label className={hideLabel ? 'pir-visually-hidden' : 'pir-field__label'} htmlFor={id}>
        {label}
      </label>
      <div className="pir-picker__control">
        {renderStart?.(query !== null)}
        <input
          id={id}
          className="pir-input pir-picker__input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && activeOption ? `${listId}-${itemId(activeOption)}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          placeholder={placeholder}
          value={query ?? (value ? itemText(value) : '')}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(event) => event.target.select()}
          onClick={openOnClick ? () => setOpen(true) : undefined}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // A click on an option lands before blur (mousedown is prevented on the list).
            if (clearOnEmptyBlur && query !== null && query.trim() === '') pick(null);
            else close();
          }}
        />
        {renderEnd?.({ open, listId, setOpen, pick })}
      </div>
      {open && (
        <ul className="pir-picker__list" id={listId} role="listbox" aria-label={listLabel} onMouseDown={(event) => event.preventDefault()}>
          {search.error ? (
            <li className="pir-picker__note">{`Couldn't search ${searchNoun}: ${search.error}`}</li>
          ) : options.length === 0 ? (
            <li className="pir-picker__note">{search.loading ? 'Searching…' : emptyText}</li>
          ) : (
            options.map((item) => (
              <li
                key={itemId(item)}
                id={`${listId}-${itemId(item)}`}
                role="option"
                aria-selected={item === activeOption}
                {...optionAttributes?.(item)}
                className={`pir-picker__option${item === activeOption ? ' pir-picker__option--active' : ''}`}
                onClick={() => pick(item)}
              >
                {renderOption(item)}
              </li>
            ))
          )}
        </ul>
      )}
      {error && <InlineError id={`${id}-error`}>{error}</InlineError>}
    </div>
  );
}
