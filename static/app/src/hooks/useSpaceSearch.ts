import { useEffect, useState } from 'react';
import type { SpaceSummary } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { useDebouncedValue } from './useDebouncedValue';

export interface SpaceSearch {
  spaces: SpaceSummary[];
  loading: boolean;
  error: string | null;
}

/** Type-ahead over the Confluence spaces the user can see ('publish/spaces'), while `enabled`. */
export function useSpaceSearch(issueKey: string, query: string, enabled: boolean): SpaceSearch {
  const settled = useDebouncedValue(query.trim(), 250);
  const [state, setState] = useState<SpaceSearch>({ spaces: [], loading: false, error: null });

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    invoke('publish/spaces', { issueKey, query: settled }).then(
      (spaces) => current && setState({ spaces, loading: false, error: null }),
      (error: unknown) => current && setState({ spaces: [], loading: false, error: toAppRequestError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [issueKey, settled, enabled]);

  return { ...state, loading: state.loading || (enabled && settled !== query.trim()) };
}
