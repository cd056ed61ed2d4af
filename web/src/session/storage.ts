// What the app keeps in localStorage, and why each item is there.
//
// - The guest cart id: a guest's cart must survive a reload; the id is an unguessable capability for that cart only.
// - The refresh token: the contract hands it to the client in the response body (no HttpOnly cookie exists), and a
//   signed-in shopper expects to stay signed in across reloads. Keeping it here exposes it to script running in the
//   page, which the Content-Security-Policy limits to the app's own hashed files (no inline script, no other origin).
//   Refresh tokens rotate on every use and a reused one revokes the whole family, so a stolen copy dies on the next
//   refresh. The access token is never stored: it lives in memory and is renewed from this token.
const CART = 'orleansshop.cartId';
const REFRESH = 'orleansshop.refreshToken';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Private modes may refuse storage; the session then lasts as long as the page.
  }
}

export const storedCartId = () => read(CART);
export const storeCartId = (id: string | null) => write(CART, id);
export const storedRefreshToken = () => read(REFRESH);
export const storeRefreshToken = (token: string | null) => write(REFRESH, token);
