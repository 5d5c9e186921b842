import { useCallback, useState } from 'react';
import { toAppRequestError, type AppRequestError } from '../app-error';

export interface Action<A extends unknown[]> {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: AppRequestError | null;
  clearError: () => void;
}

/** Tracks one user action: busy while it runs, its error after; resolves whether it succeeded. */
export function useAction<A extends unknown[]>(perform: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppRequestError | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await perform(...args);
        return true;
      } catch (failure) {
        setError(toAppRequestError(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [perform],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
