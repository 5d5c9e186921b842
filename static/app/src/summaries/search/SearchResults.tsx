import { useEffect, useRef } from 'react';
import type { ReviewSearchHit, ReviewSearchResult } from '../../../../../src/contract';
import { Button } from '../../components/Button';
import { SeverityLozenge } from '../../components/SeverityLozenge';
import { useAppContext } from '../../hooks/useAppContext';
import { plural, severityOfLevel } from '../summary-format';
import { Highlighted } from './Highlighted';
import { FIELD_LABEL, impactDay } from './search-labels';

/** The title with its matches marked, when the indexed title is still the incident's title. */
function Title({ hit }: { hit: ReviewSearchHit }) {
  const h = hit.highlights.find((x) => x.field === 'title');
  return h && h.text === hit.title ? <Highlighted highlight={h} /> : <>{hit.title}</>;
}

interface SearchResultsProps {
  result: ReviewSearchResult;
  /** The words searched, for the caption. */
  words: string;
  onOpen: (incidentKey: string) => void;
  onPage: (page: number) => void;
}

/**
 * Ranked results: each names its incident (a button opening the printable summary), severity,
 * the day impact started, where the words matched, and a snippet per field with the matches marked.
 */
export function SearchResults({ result, words, onOpen, onPage }: SearchResultsProps) {
  const { locale, timezone } = useAppContext();
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.results.length - 1;
  const list = useRef<HTMLOListElement>(null);
  const lastPage = useRef(result.page);
  // After Previous/Next, focus moves to the first result so keyboard users start reading there.
  useEffect(() => {
    if (lastPage.current === result.page) return;
    lastPage.current = result.page;
    list.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [result.page]);

  return (
    <div className="pir-search__results">
      <p className="pir-subtle pir-search__caption">
        {result.results.length === 0
          ? `No more results for “${words}”`
          : `${first.toLocaleString('en')}–${last.toLocaleString('en')} of ${result.capped ? 'at least ' : ''}${plural(result.total, 'review')} for “${words}”`}
      </p>
      <ol className="pir-search__list" ref={list} start={first}>
        {result.results.map((hit) => (
          <li key={hit.incidentKey} className="pir-search__hit">
            <div className="pir-search__hit-head">
              <button type="button" className="pir-search__open" data-summary-key={hit.incidentKey} onClick={() => onOpen(hit.incidentKey)}>
                <span className="pir-search__key">{hit.incidentKey}</span>
                <span className="pir-search__title">
                  <Title hit={hit} />
                </span>
              </button>
              <SeverityLozenge severity={severityOfLevel(hit.severityLevel)} />
              <span className="pir-subtle pir-search__date">{impactDay(hit.impactStartedAt, locale, timezone)}</span>
            </div>
            <p className="pir-subtle pir-search__fields">{`Matched in ${hit.fields.map((f) => FIELD_LABEL[f].toLowerCase()).join(', ')}`}</p>
            {hit.highlights
              .filter((h) => h.field !== 'title')
              .map((h) => (
                <p key={h.field} className="pir-search__snippet">
                  <span className="pir-search__snippet-field">{`${FIELD_LABEL[h.field]}: `}</span>
                  <Highlighted highlight={h} />
                </p>
              ))}
          </li>
        ))}
      </ol>
      {result.capped && (
        <p className="pir-subtle">Only the best matches were checked against the filters: use more specific words to see more.</p>
      )}
      {result.pages > 1 && (
        <nav className="pir-search__pager" aria-label="Pages of search results">
          <Button spacing="compact" appearance="subtle" isDisabled={result.page <= 1} onClick={() => onPage(result.page - 1)}>
            Previous
          </Button>
          <span aria-live="polite">{`Page ${result.page} of ${result.pages}`}</span>
          <Button spacing="compact" appearance="subtle" isDisabled={result.page >= result.pages} onClick={() => onPage(result.page + 1)}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
