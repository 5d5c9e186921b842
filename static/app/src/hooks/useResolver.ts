import { useCallback, useEffect, useState } from 'react';
import type { ResolverKey, ResolverMap } from '../../../../src/contract';
import { toAppRequestError, type AppRequestError } from '../app-error';
import { invoke } from '../bridge';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; error: AppRequestError } | { status: 'success'; data: T };

export interface AsyncResult<T> {
  state: AsyncState<T>;
  /** Runs the request again; the state goes back to loading meanwhile. */
  retry: () => void;
}

/**
 * Runs `load` when `key` changes or `retry` is called, keeping only the latest answer.
 * `key` identifies the request (a value, not an object) so callers need not memoise `load`.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (current) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toAppRequestError(error) });
      },
    );
    return () => {
      current = false;
    };
    // `load` is deliberately left out: `key` and `attempt` say when to run again.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

/** Calls one resolver through the bridge; re-runs when the payload's content changes. */
export function useResolver<K extends ResolverKey>(key: K, payload: ResolverMap[K]['payload']): AsyncResult<ResolverMap[K]['result']> {
  return useAsync(() => invoke(key, payload), `${key} ${JSON.stringify(payload)}`);
}
