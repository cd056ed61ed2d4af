/**
 * The provider's approval page with the way back to this shop: the sandbox follows a `return` path on its own host only
 * (the contract's payOrder takes no return URL, so the page's address carries it).
 */
export function alipayPageHref(redirectUrl: string, returnPath: string): string {
  const url = new URL(redirectUrl, window.location.href);
  url.searchParams.set('return', returnPath);
  return url.toString();
}
