import { useCallback, useState } from 'react';
import type { TimelineView } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';

export interface StartReview {
  start: () => void;
  starting: boolean;
  error: string | null;
}

/** 'review/start': pulls the timeline; the caller switches to the review when it answers. */
export function useStartReview(issueKey: string, onStarted: (view: TimelineView) => void): StartReview {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = useCallback(() => {
    setStarting(true);
    setError(null);
    invoke('review/start', { issueKey }).then(onStarted, (failure: unknown) => {
      setError(toAppRequestError(failure).message);
      setStarting(false);
    });
  }, [issueKey, onStarted]);
  return { start, starting, error };
}
