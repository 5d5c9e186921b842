import { createContext, useContext } from 'react';
import type { AppContext } from '../context';

export const AppContextValue = createContext<AppContext | null>(null);

/** The Forge view context, loaded once by <App> before any screen renders. */
export function useAppContext(): AppContext {
  const context = useContext(AppContextValue);
  if (!context) throw new Error('useAppContext must be used inside <AppContextValue.Provider>');
  return context;
}
