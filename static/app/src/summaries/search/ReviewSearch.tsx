import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { FactorCategory, ReviewSearchQuery, ReviewSearchResult, SeverityLevel } from '../../../../../src/contract';
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABEL } from '../../../../../src/domain/factor-taxonomy';
import { Button } from '../../components/Button';
import { DatePicker } from '../../components/DatePicker';
import { EmptyState } from '../../components/EmptyState';
import { InlineError } from '../../components/InlineError';
import { LoadError } from '../../components/LoadError';
import { SectionMessage } from '../../components/SectionMessage';
import { Select } from '../../components/Select';
import { Spinner } from '../../components/Spinner';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { SearchResults } from './SearchResults';
import { serviceChoices } from './search-labels';
import { useReviewSearch } from './useReviewSearch';

/** What the filters hold, '' for "any". */
interface SearchFilters {
  severity: '' | `${SeverityLevel}`;
  service: string;
  factorCategory: '' | FactorCategory;
  from: string;
  to: string;
}

const NO_FILTERS: SearchFilters = { severity: '', service: '', factorCategory: '', from: '', to: '' };
const MAX_QUERY = 200;
const DEBOUNCE_MS = 300;
const SEVERITY_OPTIONS = [{ value: '', label: 'Any severity' }, ...[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: `Sev${l}` }))];
const CATEGORY_OPTIONS = [
  { value: '', label: 'Any factor category' },
  ...FACTOR_CATEGORIES.map((c) => ({ value: c, label: FACTOR_CATEGORY_LABEL[c] })),
];

function toQuery(text: string, f: SearchFilters, page: number): ReviewSearchQuery | null {
  const query = text.trim().slice(0, MAX_QUERY);
  if (query === '' || (f.from && f.to && f.from > f.to)) return null;
  return {
    query,
    ...(f.severity ? { severity: Number(f.severity) as SeverityLevel } : {}),
    ...(f.service ? { service: f.service } : {}),
    ...(f.factorCategory ? { factorCategory: f.factorCategory } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(page > 1 ? { page } : {}),
  };
}

/**
 * "Search reviews" on After Action Summaries (issue 17): full-text search of every review the
 * viewer may see, as they type (300 ms after the last key) or at once on Enter, with filters;
 * a result opens that incident's printable summary.
 */
export function ReviewSearch({ onOpen }: { onOpen: (incidentKey: string) => void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [committed, setCommitted] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [seenServices, setSeenServices] = useState<ReadonlySet<string>>(new Set());
  const settled = useDebouncedValue(typed, DEBOUNCE_MS);
  useEffect(() => {
    setCommitted(settled);
    setPage(1);
  }, [settled]);

  const query = useMemo(() => toQuery(committed, filters, page), [committed, filters, page]);
  const { state, retry } = useReviewSearch(query);

  // The last answer stays on screen (dimmed) while the next one loads, so the list does not jump.
  const last = useRef<ReviewSearchResult | null>(null);
  if (state.status === 'success') last.current = state.data;
  if (query === null) last.current = null;
  const shown = state.status === 'success' ? state.data : last.current;

  useEffect(() => {
    if (state.status !== 'success' || !state.data) return;
    const services = state.data.results.flatMap((r) => r.services);
    if (services.some((s) => !seenServices.has(s))) setSeenServices((seen) => new Set([...seen, ...services]));
  }, [state, seenServices]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCommitted(typed);
    setPage(1);
    // Enter on the same words asks again (a retry after an error, say).
    if (typed === committed) retry();
  };
  const setFilter = (patch: Partial<SearchFilters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const active = Object.values(filters).filter((v) => v !== '').length;
  const rangeProblem = filters.from && filters.to && filters.from > filters.to ? 'The start date is after the end date.' : null;
  const inputId = `${id}-query`;
  const hintId = `${id}-hint`;
  const rangeId = `${id}-range`;
  const words = committed.trim();

  return (
    <section className="pir-search" aria-labelledby={`${id}-heading`}>
      <h2 className="pir-summaries-section__heading" id={`${id}-heading`}>
        Search reviews
      </h2>
      <form className="pir-search__form" role="search" aria-label="Search reviews" onSubmit={submit}>
        <label className="pir-field__label" htmlFor={inputId}>
          Search reviews
        </label>
        <div className="pir-search__bar">
          <input
            id={inputId}
            className="pir-input pir-search__input"
            type="search"
            value={typed}
            maxLength={MAX_QUERY}
            autoComplete="off"
            placeholder="e.g. backup, connection pool, on-call"
            aria-describedby={hintId}
            onChange={(event) => setTyped(event.target.value)}
          />
          <Button type="submit" appearance="primary">
            Search
          </Button>
        </div>
        <p className="pir-subtle pir-search__hint" id={hintId}>
          Titles, learnings, contributing factors, action items, services and tags of every review you can see.
        </p>
        <div className="pir-search__filters" role="group" aria-label="Filter search results (dates: when impact started)">
          <div className="pir-field">
            {/* Not just "Severity": the table's filter bar below has one, and a screen reader lists both by name. */}
            <label className="pir-field__label" htmlFor={`${id}-severity`}>
              Result severity
            </label>
            <Select
              id={`${id}-severity`}
              spacing="compact"
              options={SEVERITY_OPTIONS}
              value={filters.severity}
              onChange={(e) => setFilter({ severity: e.target.value as SearchFilters['severity'] })}
            />
          </div>
          <div className="pir-field">
            <label className="pir-field__label" htmlFor={`${id}-service`}>
              Service
            </label>
            <Select
              id={`${id}-service`}
              spacing="compact"
              options={[
                { value: '', label: 'Any service' },
                ...serviceChoices(seenServices, filters.service).map((s) => ({ value: s, label: s })),
              ]}
              value={filters.service}
              onChange={(e) => setFilter({ service: e.target.value })}
            />
          </div>
          <div className="pir-field">
            <label className="pir-field__label" htmlFor={`${id}-category`}>
              Factor category
            </label>
            <Select
              id={`${id}-category`}
              spacing="compact"
              options={CATEGORY_OPTIONS}
              value={filters.factorCategory}
              onChange={(e) => setFilter({ factorCategory: e.target.value as SearchFilters['factorCategory'] })}
            />
          </div>
          {/* Named apart from the table's "Impact from"/"to" so each label names one control on the page. */}
          <div className="pir-field">
            <label className="pir-field__label" htmlFor={`${id}-from`}>
              Date from
            </label>
            <DatePicker
              id={`${id}-from`}
              spacing="compact"
              value={filters.from}
              onChange={(v) => setFilter({ from: v })}
              aria-invalid={rangeProblem !== null}
              aria-describedby={rangeProblem ? rangeId : undefined}
            />
          </div>
          <div className="pir-field">
            <label className="pir-field__label" htmlFor={`${id}-to`}>
              Date to
            </label>
            <DatePicker
              id={`${id}-to`}
              spacing="compact"
              value={filters.to}
              onChange={(v) => setFilter({ to: v })}
              aria-invalid={rangeProblem !== null}
              aria-describedby={rangeProblem ? rangeId : undefined}
            />
          </div>
          <Button appearance="subtle" spacing="compact" isDisabled={active === 0} onClick={() => setFilter(NO_FILTERS)}>
            Clear filters
          </Button>
        </div>
        {rangeProblem && <InlineError id={rangeId}>{rangeProblem}</InlineError>}
      </form>

      <div className="pir-search__answer" aria-live="polite" aria-busy={state.status === 'loading' && query !== null}>
        {query !== null && state.status === 'loading' && <Spinner size="small" label="Searching reviews" />}
        {query !== null && state.status === 'error' && <LoadError what="search results" error={state.error} onRetry={retry} />}
        {query !== null && shown && state.status !== 'error' && (
          <div className={state.status === 'loading' ? 'pir-search__results--busy' : undefined}>
            {shown.indexing && (
              <SectionMessage appearance="information" title="The library is still being built">
                <p>Reviews saved before search was turned on are being added; some may not be found yet.</p>
              </SectionMessage>
            )}
            {shown.total === 0 ? (
              <EmptyState
                headingLevel={3}
                header={`No reviews match “${words}”`}
                description={active > 0 ? 'Try other words or fewer filters.' : 'Try other words, or fewer of them.'}
                actions={active > 0 ? <Button onClick={() => setFilter(NO_FILTERS)}>Clear filters</Button> : undefined}
              />
            ) : (
              <SearchResults result={shown} words={words} onOpen={onOpen} onPage={setPage} />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
