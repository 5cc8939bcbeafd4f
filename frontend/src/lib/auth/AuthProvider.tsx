import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { directory, type Me } from "@/lib/api/directory";
import { unwrap } from "@/lib/api/client";
import {
  getSession,
  restoreSession,
  signIn as storeSignIn,
  signOut as storeSignOut,
  subscribe,
  type EndReason,
  type SessionStatus,
} from "./session";

export interface AuthValue {
  status: SessionStatus;
  endReason: EndReason;
  /** Who is signed in (GET /v1/me); undefined while loading or signed out. */
  me: Me | undefined;
  meStatus: "pending" | "error" | "success";
  meError: unknown;
  refetchMe: () => void;
  roles: readonly string[];
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export const ME_QUERY_KEY = ["directory", "me"] as const;

/** Who is signed in (GET /v1/me). */
export const meQuery = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: (): Promise<Me> => unwrap(directory.GET("/v1/me")),
  staleTime: 5 * 60_000,
});

export function AuthProvider({ children, restore = true }: { children: ReactNode; restore?: boolean }) {
  const session = useSyncExternalStore(subscribe, getSession, getSession);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (restore && getSession().status === "unknown") void restoreSession();
  }, [restore]);

  const me = useQuery({ ...meQuery, enabled: session.status === "authenticated" });

  // Nothing read under one session may be shown under the next.
  useEffect(() => {
    if (session.status === "anonymous") queryClient.clear();
  }, [session.status, queryClient]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      queryClient.clear();
      await storeSignIn(email, password);
      await queryClient.fetchQuery(meQuery);
    },
    [queryClient],
  );

  const signOut = useCallback(() => storeSignOut(), []);
  const { refetch } = me;
  const refetchMe = useCallback(() => void refetch(), [refetch]);

  const value = useMemo<AuthValue>(
    () => ({
      status: session.status,
      endReason: session.endReason,
      me: session.status === "authenticated" ? me.data : undefined,
      meStatus: me.status,
      meError: me.error,
      refetchMe,
      roles: session.status === "authenticated" ? (me.data?.roles ?? []) : [],
      signIn,
      signOut,
    }),
    [session.status, session.endReason, me.data, me.status, me.error, refetchMe, signIn, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error("useAuth() outside <AuthProvider>");
  return value;
}
