import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { useSession } from './session/Session';
import { Link, match, navigate, useLocation } from './router';
import { CartPage } from './pages/CartPage';
import { CheckoutPage } from './pages/CheckoutPage';
import { HomePage } from './pages/HomePage';
import { OrderHistoryPage } from './pages/OrderHistoryPage';
import { OrderPage } from './pages/OrderPage';
import { ProductPage } from './pages/ProductPage';
import { ProfilePage } from './pages/ProfilePage';
import { SearchPage } from './pages/SearchPage';
import { SignInPage } from './pages/SignInPage';
import { useCart } from './pages/useCart';

// Shoppers never download the console's code.
const AdminConsole = lazy(() => import('./admin/AdminConsole'));

function Page() {
  const { path, query } = useLocation();
  let params: Record<string, string> | null;
  if (path === '/') return <HomePage />;
  if (path === '/search') return <SearchPage />;
  if ((params = match('/products/:slug', path))) return <ProductPage key={params.slug} slug={params.slug} />;
  if (path === '/cart') return <CartPage />;
  if (path === '/checkout') return <CheckoutPage />;
  if ((params = match('/orders/:id', path))) return <OrderPage key={params.id} id={params.id} />;
  if (path === '/signin') return <SignInPage key="signIn" mode="signIn" />;
  if (path === '/register') return <SignInPage key="register" mode="register" />;
  if (path === '/account/orders') return <OrderHistoryPage after={query.get('after')} />;
  if (path === '/account') return <ProfilePage />;
  if (path === '/admin' || path.startsWith('/admin/'))
    return (
      <Suspense fallback={<p className="loading">Loading the console…</p>}>
        <AdminConsole path={path} />
      </Suspense>
    );
  return <h1>This page does not exist.</h1>;
}

function SearchBox() {
  const { path, query } = useLocation();
  const current = path === '/search' ? (query.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  };
  return (
    <form role="search" onSubmit={submit} className="search-box">
      <input type="search" aria-label="Search" placeholder="Search products" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">Go</button>
    </form>
  );
}

function CartLink() {
  const { cart } = useCart();
  const count = cart?.itemCount ?? 0;
  return <Link href="/cart">Cart{count > 0 ? ` (${count})` : ''}</Link>;
}

function Header() {
  const { viewer, isAdmin, signOut } = useSession();
  return (
    <header className="site-header">
      <Link href="/" className="logo">OrleansShop</Link>
      <SearchBox />
      <nav aria-label="Account">
        <CartLink />
        {viewer ? (
          <>
            <Link href="/account/orders">Order history</Link>
            <Link href="/account">Profile</Link>
            {isAdmin && <Link href="/admin">Admin</Link>}
            <span className="viewer">{viewer.displayName}</span>
            <button type="button" onClick={() => void signOut().then(() => navigate('/'))}>
              Sign out
            </button>
          </>
        ) : (
          <>
            <Link href="/signin">Sign in</Link>
            <Link href="/register">Register</Link>
          </>
        )}
      </nav>
    </header>
  );
}

export function App() {
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  // After a route change, keyboard and screen-reader users start at the new page's content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        <Page />
      </main>
    </>
  );
}
