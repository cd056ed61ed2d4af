import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createShopClient, type ShopClient } from '../graphql/client';
import type { LoginMutation as LoginResult, ViewerFieldsFragment } from '../gql/graphql';
import { LoginMutation, LogoutMutation, RefreshMutation, RegisterMutation } from './operations';
import { storeCartId, storedCartId, storedRefreshToken, storeRefreshToken } from './storage';

export type Viewer = ViewerFieldsFragment;
type AuthPayload = LoginResult['login'];
export type AuthErrors = AuthPayload['errors'];

interface SessionValue {
  /** Null for a guest. */
  viewer: Viewer | null;
  isAdmin: boolean;
  /** The guest cart's id; null when signed in (the customer's cart needs no id) or before the first item. */
  cartId: string | null;
  setCartId(id: string): void;
  signIn(email: string, password: string): Promise<AuthErrors>;
  register(email: string, password: string, displayName: string): Promise<AuthErrors>;
  signOut(): Promise<void>;
  /** Shows a changed profile (a new display name) in the header at once. */
  updateViewer(viewer: Viewer): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

// The access token lives here, in memory only (see storage.ts for why the refresh token is stored).
let accessToken: string | null = null;
const currentToken = () => accessToken;

// Renew a minute before expiry, so a request never goes out with a token about to lapse.
const refreshLead = 60_000;

let startup: Promise<boolean> | null = null;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [ready, setReady] = useState(() => storedRefreshToken() === null);
  const [cartId, setCartIdState] = useState<string | null>(storedCartId);
  const [shop, setShop] = useState<ShopClient>(() => createShopClient(currentToken));
  const timer = useRef<number | undefined>(undefined);

  // A new identity gets a new client: nothing cached for the previous one is shown to the next.
  const replaceClient = useCallback(() => {
    setShop((old) => {
      old.dispose();
      return createShopClient(currentToken);
    });
  }, []);

  const forget = useCallback(() => {
    window.clearTimeout(timer.current);
    accessToken = null;
    storeRefreshToken(null);
    setViewer(null);
  }, []);

  const adopt = useCallback((payload: AuthPayload): boolean => {
    if (!payload.accessToken || !payload.refreshToken || !payload.customer) return false;
    accessToken = payload.accessToken;
    storeRefreshToken(payload.refreshToken);
    setViewer(payload.customer);
    window.clearTimeout(timer.current);
    const due = payload.expiresAt ? Date.parse(payload.expiresAt) - Date.now() - refreshLead : 10 * 60_000;
    timer.current = window.setTimeout(() => void refresh(), Math.max(due, 5_000));
    return true;
  }, []);

  const refreshRef = useRef<() => Promise<boolean>>(async () => false);
  const refresh = () => refreshRef.current();
  refreshRef.current = async () => {
    const token = storedRefreshToken();
    if (!token) return false;
    const result = await shop.client.mutation(RefreshMutation, { input: { refreshToken: token } }).toPromise();
    if (result.data && adopt(result.data.refreshToken)) return true;
    // A network failure keeps the refresh token for the next attempt; a refusal means the session is over.
    if (result.error?.networkError) {
      timer.current = window.setTimeout(() => void refresh(), 15_000);
      return false;
    }
    forget();
    replaceClient();
    return false;
  };

  useEffect(() => {
    if (ready) return;
    // Once per page load, even when React mounts twice in development: a refresh token is good for one use.
    startup ??= refresh();
    void startup.finally(() => setReady(true));
  }, []);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const setCartId = useCallback((id: string) => {
    storeCartId(id);
    setCartIdState(id);
  }, []);

  const finishSignIn = useCallback(
    (payload: AuthPayload): AuthErrors => {
      if (payload.errors.length > 0 || !adopt(payload)) return payload.errors;
      // The guest cart was merged into the customer's cart by the server.
      storeCartId(null);
      setCartIdState(null);
      replaceClient();
      return [];
    },
    [adopt, replaceClient],
  );

  const value = useMemo<SessionValue>(
    () => ({
      viewer,
      isAdmin: viewer?.roles.includes('ADMIN') ?? false,
      cartId: viewer ? null : cartId,
      setCartId,
      async signIn(email, password) {
        const result = await shop.client
          .mutation(LoginMutation, { input: { email, password, guestCartId: cartId } })
          .toPromise();
        if (!result.data) throw result.error ?? new Error('No answer from the shop.');
        return finishSignIn(result.data.login);
      },
      async register(email, password, displayName) {
        const result = await shop.client
          .mutation(RegisterMutation, { input: { email, password, displayName, guestCartId: cartId } })
          .toPromise();
        if (!result.data) throw result.error ?? new Error('No answer from the shop.');
        return finishSignIn(result.data.register);
      },
      async signOut() {
        const token = storedRefreshToken();
        if (token) await shop.client.mutation(LogoutMutation, { input: { refreshToken: token } }).toPromise();
        forget();
        replaceClient();
      },
      updateViewer(next) {
        setViewer((current) => (current && current.id === next.id ? { ...current, ...next } : current));
      },
    }),
    [viewer, cartId, setCartId, shop, finishSignIn, forget, replaceClient],
  );

  if (!ready) return <p className="loading">Loading…</p>;
  return (
    <SessionContext.Provider value={value}>
      <Provider value={shop.client}>{children}</Provider>
    </SessionContext.Provider>
  );
}
