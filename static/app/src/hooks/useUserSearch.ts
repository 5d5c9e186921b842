import { useEffect, useState } from 'react';
import type { Person } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { useDebouncedValue } from './useDebouncedValue';

export interface UserSearch {
  people: Person[];
  loading: boolean;
  error: string | null;
}

/** Type-ahead over Jira users assignable in the incident's project ('users/search'). */
export function useUserSearch(issueKey: string, query: string, enabled: boolean): UserSearch {
  const settled = useDebouncedValue(query.trim(), 250);
  const [state, setState] = useState<UserSearch>({ people: [], loading: false, error: null });

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    invoke('users/search', { issueKey, query: settled }).then(
      (people) => current && setState({ people, loading: false, error: null }),
      (error: unknown) => current && setState({ people: [], loading: false, error: toAppRequestError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [issueKey, settled, enabled]);

  return { ...state, loading: state.loading || (enabled && settled !== query.trim()) };
}
