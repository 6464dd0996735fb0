/**
 * The signed-in session: who the user is, signing in and out. A 401 from any API call ends the session in
 * the shell and shows the login page again.
 */
import { App } from "antd";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { apiRequest, setCsrfToken, setUnauthenticatedListener } from "../api/api-client.ts";
import type { SessionAnswer, User } from "../api/api-types.ts";

/** State of the session as the shell knows it. */
export type SessionState =
  | { readonly status: "loading" }
  | { readonly status: "signed-out" }
  | { readonly status: "signed-in"; readonly user: User };

/** The session and what can be done with it. */
export interface SessionValue {
  readonly state: SessionState;
  /** Sign in; rejects with ApiError carrying the server's message. */
  signIn(username: string, password: string): Promise<User>;
  /** Sign out (the server revokes the session). */
  signOut(): Promise<void>;
  /** Read the session again (after the user's own data changed, e.g. the password). */
  reload(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Provides the session to the shell. */
export function SessionProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const { message } = App.useApp();
  const [state, setState] = useState<SessionState>({ status: "loading" });
  const stateRef = useRef(state);
  stateRef.current = state;

  const accept = useCallback((answer: SessionAnswer): User => {
    setCsrfToken(answer.csrfToken);
    setState({ status: "signed-in", user: answer.user });
    return answer.user;
  }, []);

  const reload = useCallback(async () => {
    try {
      accept(await apiRequest<SessionAnswer>("/api/session", { quietUnauthenticated: true }));
    } catch {
      setCsrfToken(null);
      setState({ status: "signed-out" });
    }
  }, [accept]);

  useEffect(() => {
    void reload();
    setUnauthenticatedListener(() => {
      setCsrfToken(null);
      if (stateRef.current.status === "signed-in") message.warning("登录已失效，请重新登录");
      setState({ status: "signed-out" });
    });
    return () => setUnauthenticatedListener(null);
  }, [reload, message]);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      signIn: async (username, password) =>
        accept(
          await apiRequest<SessionAnswer>("/api/session", {
            method: "POST",
            body: { username, password },
            quietUnauthenticated: true,
          }),
        ),
      signOut: async () => {
        try {
          await apiRequest<void>("/api/session", { method: "DELETE", quietUnauthenticated: true });
        } finally {
          setCsrfToken(null);
          setState({ status: "signed-out" });
        }
      },
      reload,
    }),
    [state, accept, reload],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The session (inside SessionProvider). */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user (only on pages shown after sign-in). */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useUser without a signed-in user");
  return state.user;
}
