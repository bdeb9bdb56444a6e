/**
 * Who is signed in. The app asks /api/auth/me once; on a demo it signs the browser in as the demo
 * administrator and says so; on a deployment open to visitors it reads without a sign-in; otherwise
 * it shows the sign-in page before anything else.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type {
  CurrentUserView as CurrentUser,
  MeView,
  SessionView as SessionInfo,
} from '../../../shared/schemas/auth-view';
import type { ConfigView } from '../../../shared/schemas/config-view';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../../api/client';

export type { SessionInfo };

// The session reads only these two settings, and falls back to just them before an answer.
type Config = Pick<ConfigView, 'publicRead' | 'demo'>;

export type SessionState = {
  /** null: nobody is signed in (a visitor, where reading is open) */
  session: SessionInfo | null;
  publicRead: boolean;
  demo: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The current user, or null for a visitor. */
export function useCurrentUser(): CurrentUser | null {
  return useSession().session?.user ?? null;
}

export const sessionKey = ['session'] as const;
const SIGNED_OUT = 'amity.signedOut';

/** Drops every cached answer except the session's: they were read with the previous rights. */
function dropData(client: ReturnType<typeof useQueryClient>): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
}

async function loadSession(): Promise<{ session: SessionInfo | null; config: Config }> {
  const config = await api.get<ConfigView>('/config');
  // Signed out is a 200 with no user, so a visitor's console shows no failed request.
  const me = await api.get<MeView>('/auth/me');
  if (me.user) return { session: { ...me, user: me.user }, config };
  // After a deliberate sign-out this tab stays signed out, so the other demo accounts can be tried.
  if (config.demo && sessionStorage.getItem(SIGNED_OUT) !== '1') {
    try {
      return { session: await api.post<SessionInfo>('/auth/demo-sign-in', {}), config };
    } catch {
      // The demo account may have been signed out on purpose or disabled: fall back to the sign-in page.
    }
  }
  return { session: null, config };
}

export function SessionProvider({
  children,
  fallback,
}: {
  children: (state: SessionState) => ReactNode;
  fallback: ReactNode;
}) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: sessionKey, queryFn: loadSession, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
  const session = query.data?.session ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  useEffect(() => {
    setUnauthenticatedHandler(() => void client.invalidateQueries({ queryKey: sessionKey }));
    return () => setUnauthenticatedHandler(null);
  }, [client]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const next = await api.post<SessionInfo>('/auth/login', { username, password });
      setCsrfToken(next.csrfToken);
      sessionStorage.removeItem(SIGNED_OUT);
      client.setQueryData(sessionKey, {
        session: next,
        config: query.data?.config ?? { publicRead: false, demo: false },
      });
      dropData(client);
    },
    [client, query.data],
  );

  const signOut = useCallback(async () => {
    await api.post('/auth/logout', {});
    setCsrfToken(null);
    sessionStorage.setItem(SIGNED_OUT, '1');
    client.setQueryData(sessionKey, {
      session: null,
      config: query.data?.config ?? { publicRead: false, demo: false },
    });
    dropData(client);
  }, [client, query.data]);

  const state = useMemo<SessionState>(
    () => ({
      session,
      publicRead: query.data?.config.publicRead ?? false,
      demo: query.data?.config.demo ?? false,
      signIn,
      signOut,
    }),
    [session, query.data, signIn, signOut],
  );

  if (query.isPending) return <>{fallback}</>;
  if (query.isError) throw query.error;
  return <SessionContext.Provider value={state}>{children(state)}</SessionContext.Provider>;
}
