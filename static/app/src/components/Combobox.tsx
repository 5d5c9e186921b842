import { SelectWithoutAnalytics as AkSelect } from '@atlaskit/select/select-without-analytics';
import { useEffect, useState, type ReactNode } from 'react';
import type { ResolverKey, ResolverMap } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { InlineError } from './InlineError';

/** Resolvers that search by `{ issueKey, query }` and answer with a list. */
export type SearchResolver = {
  [K in ResolverKey]: ResolverMap[K]['payload'] extends { issueKey: string; query: string }
    ? ResolverMap[K]['result'] extends readonly unknown[]
      ? K
      : never
    : never;
}[ResolverKey];

type SearchItem<K extends SearchResolver> = ResolverMap[K]['result'][number];

interface Search<T> {
  items: T[];
  loading: boolean;
  error: string | null;
}

/** Debounced type-ahead over a search resolver, while `enabled`. */
function useResolverSearch<K extends SearchResolver>(
  resolver: K,
  issueKey: string,
  query: string,
  enabled: boolean,
): Search<SearchItem<K>> {
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
  /** The text of an item (its accessible name as an option, and what typing is compared with). */
  itemText: (item: SearchItem<K>) => string;
  itemId: (item: SearchItem<K>) => string;
  /** An option in the menu. */
  renderOption: (item: SearchItem<K>) => ReactNode;
  /** The chosen item in the control; its text when not given. */
  renderValue?: (item: SearchItem<K>) => ReactNode;
  /** Leaves results out of the options. */
  filter?: (item: SearchItem<K>) => boolean;
  /** Noun in "Couldn't search …". */
  searchNoun: string;
  emptyText: string;
  /** Clicking the control opens the menu (else typing or the arrow keys do). */
  openOnClick?: boolean;
  spacing?: 'default' | 'compact';
}

/**
 * A type-ahead over a search resolver, on Atlaskit's select: typing searches, arrow keys move,
 * Enter picks. Escape closes the menu and keeps both what was typed and the chosen item; leaving
 * the field drops the unfinished text and shows the chosen item again. The × clears the choice.
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
  renderValue,
  filter,
  searchNoun,
  emptyText,
  openOnClick = false,
  spacing = 'default',
}: ComboboxProps<K>) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const search = useResolverSearch(resolver, issueKey, query, open);
  const options = filter ? search.items.filter(filter) : search.items;

  return (
    <div className={`pir-field pir-picker${className ? ` ${className}` : ''}`}>
      <label className={hideLabel ? 'pir-visually-hidden' : 'pir-field__label'} htmlFor={id}>
        {label}
      </label>
      <AkSelect<SearchItem<K>, false>
        inputId={id}
        classNamePrefix="pir-select"
        className="pir-picker__select"
        spacing={spacing}
        placeholder={placeholder}
        options={options}
        value={value}
        isClearable
        clearControlLabel={`Clear ${label.toLowerCase()}`}
        isInvalid={Boolean(error)}
        descriptionId={error ? `${id}-error` : undefined}
        // The resolver has searched already: every result it answered is a match.
        filterOption={null}
        getOptionValue={itemId}
        getOptionLabel={itemText}
        formatOptionLabel={(item, meta) => (meta.context === 'menu' ? renderOption(item) : (renderValue ?? itemText)(item))}
        inputValue={query}
        onInputChange={(text, meta) => {
          // Escape fires 'menu-close' with an empty text: the menu closes, what was typed stays.
          if (meta.action === 'input-change') setQuery(text);
          else if (meta.action === 'input-blur' || meta.action === 'set-value') setQuery('');
        }}
        isLoading={open && search.loading}
        loadingMessage={() => 'Searching…'}
        noOptionsMessage={() => (search.error ? `Couldn't search ${searchNoun}: ${search.error}` : emptyText)}
        openMenuOnClick={openOnClick}
        onMenuOpen={() => setOpen(true)}
        onMenuClose={() => setOpen(false)}
        menuPlacement="auto"
        onChange={(item) => onChange(item ?? null)}
      />
      {error && <InlineError id={`${id}-error`}>{error}</InlineError>}
    </div>
  );
}
