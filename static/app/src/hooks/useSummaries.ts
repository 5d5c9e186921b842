import { useCallback, useEffect, useState } from 'react';
import type { IncidentSummary, ResolverMap, SummariesResult, SummaryQuery } from '../../../../src/contract';
import { toAppRequestError, type AppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { useAsync, type AsyncResult } from './useResolver';
import { useAction, type Action } from './useAction';

export interface SummariesState {
  /** The last answer, kept while the next one loads so the page does not jump. */
  data: SummariesResult | null;
  /** A request is under way (the first one, or one for new filters). */
  loading: boolean;
  /** The last request's failure; cleared by the next success. */
  error: AppRequestError | null;
  retry: () => void;
}

/**
 * One page of After Action Summaries for `query`; re-asks when the query's content changes.
 * A null query (the filters are invalid) asks nothing and keeps what is shown.
 */
export function useSummaries(query: SummaryQuery | null): SummariesState {
  const [data, setData] = useState<SummariesResult | null>(null);
  const [loading, setLoading] = useState(query !== null);
  const [error, setError] = useState<AppRequestError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = query === null ? null : JSON.stringify(query);

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return undefined;
    }
    let current = true;
    setLoading(true);
    invoke('summaries/list', JSON.parse(key) as SummaryQuery).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(toAppRequestError(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error, retry };
}

type CsvPayload = ResolverMap['summaries/csv']['payload'];
export type CsvExport = ResolverMap['summaries/csv']['result'];

/** "Export CSV": the filtered table, every page, as the viewer may see it. */
export function useSummariesCsv(onExported: (file: CsvExport) => void): Action<[CsvPayload]> {
  const perform = useCallback(async (payload: CsvPayload) => onExported(await invoke('summaries/csv', payload)), [onExported]);
  return useAction(perform);
}

/** The printable one-screen summary of one incident. */
export function useIncidentSummary(issueKey: string): AsyncResult<IncidentSummary> {
  return useAsync(() => invoke('summaries/incident', { issueKey }), `summaries/incident ${issueKey}`);
}
