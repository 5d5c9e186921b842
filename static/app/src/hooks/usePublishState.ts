import { useCallback, useEffect, useState } from 'react';
import type { PublishedPage, PublishState } from '../../../../src/contract';
import { toAppRequestError, type AppRequestError } from '../app-error';
import { invoke } from '../bridge';

export type PublishStateLoad =
  { status: 'loading' } | { status: 'error'; error: AppRequestError } | { status: 'ready'; state: PublishState };

export interface PublishStateHook {
  load: PublishStateLoad;
  retry: () => void;
  /** Records a page just published, so the header link and the form follow without a reload. */
  recordPage: (which: 'internal' | 'external', page: PublishedPage, target: PublishState['target']) => void;
}

/** 'publish/state': the remembered target and the pages published so far; a failure only disables publishing. */
export function usePublishState(issueKey: string): PublishStateHook {
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<PublishStateLoad>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    invoke('publish/state', { issueKey }).then(
      (state) => current && setLoad({ status: 'ready', state }),
      (error: unknown) => current && setLoad({ status: 'error', error: toAppRequestError(error) }),
    );
    return () => {
      current = false;
    };
  }, [issueKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const recordPage = useCallback((which: 'internal' | 'external', page: PublishedPage, target: PublishState['target']) => {
    setLoad((previous) => {
      // A page was just published, so Confluence is connected.
      const base: PublishState =
        previous.status === 'ready'
          ? previous.state
          : { confluence: 'available', target: null, targetParentTitle: null, internal: null, external: null, audience: null };
      return { status: 'ready', state: { ...base, target: target ?? base.target, [which]: page } };
    });
  }, []);
  return { load, retry, recordPage };
}
