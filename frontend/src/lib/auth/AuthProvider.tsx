import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
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

export function fetchMe(): Promise<Me> {
  return unwrap(directory.GET("/v1/me"));
}

export function AuthProvider({ children, restore = true }: { children: ReactNode; restore?: boolean }) {
  const session = useSyncExternalStore(subscribe, getSession, getSession);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (restore && getSession().status === "unknown") void restoreSession();
  }, [restore]);

  const meQuery = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: fetchMe,
    enabled: session.status === "authenticated",
    staleTime: 5 * 60_000,
  });

  // Nothing read under one session may be shown under the next.
  useEffect(() => {
    if (session.status === "anonymous") queryClient.clear();
  }, [session.status, queryClient]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      queryClient.clear();
      await storeSignIn(email, password);
      await queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe });
    },
    [queryClient],
  );

  const signOut = useCallback(() => storeSignOut(), []);
  const { refetch } = meQuery;
  const refetchMe = useCallback(() => void refetch(), [refetch]);

  const value = useMemo<AuthValue>(
    () => ({
      status: session.status,
      endReason: session.endReason,
      me: session.status === "authenticated" ? meQuery.data : undefined,
      meStatus: meQuery.status,
      meError: meQuery.error,
      refetchMe,
      roles: session.status === "authenticated" ? (meQuery.data?.roles ?? []) : [],
      signIn,
      signOut,
    }),
    [session.status, session.endReason, meQuery.data, meQuery.status, meQuery.error, refetchMe, signIn, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error("useAuth() outside <AuthProvider>");
  return value;
}
