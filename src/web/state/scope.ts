/** The scope and as-of date in force: from the address bar, else the registry's own province. */
import { useSearch } from '@tanstack/react-router';
import { useDefaultScope } from '../api/queries';
import type { GlobalSearch } from './search';

export type ScopeState = {
  /** A GB/T 2260 code (000000 = the whole country); undefined while the default is being found. */
  scope: string | undefined;
  /** YYYY-MM-DD, or undefined for today. */
  asOf: string | undefined;
  isLoading: boolean;
  error: unknown;
};

export function useScope(): ScopeState {
  const search = useSearch({ strict: false }) as GlobalSearch;
  const fallback = useDefaultScope();
  return {
    scope: search.scope ?? fallback.data,
    asOf: search.asOf,
    isLoading: !search.scope && fallback.isPending,
    error: search.scope ? null : fallback.error,
  };
}
