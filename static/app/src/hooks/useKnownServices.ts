import { useResolver } from './useResolver';

/**
 * Service names from earlier reviews the viewer may see, asked once per incident: the suggestions
 * filter locally as the user types, so typing costs no resolver call. While loading, or if the
 * call fails, there are simply no suggestions (typing a name still works).
 */
export function useKnownServices(issueKey: string): readonly string[] {
  const { state } = useResolver('services/known', { issueKey });
  return state.status === 'success' ? state.data : [];
}
