import { useSession } from '../session/Session';
import { Link, match } from '../router';
import { CategoriesAdmin } from './CategoriesAdmin';
import { CustomerDetail } from './CustomerDetail';
import { CustomersAdmin } from './CustomersAdmin';
import { InventoryAdmin } from './InventoryAdmin';
import { MailAdmin } from './MailAdmin';
import { OrdersAdmin } from './OrdersAdmin';
import { ProductsAdmin } from './ProductsAdmin';
import { ReviewsAdmin } from './ReviewsAdmin';

const sections = [
  { href: '/admin/products', name: 'Products' },
  { href: '/admin/categories', name: 'Categories' },
  { href: '/admin/inventory', name: 'Inventory' },
  { href: '/admin/orders', name: 'Orders' },
  { href: '/admin/customers', name: 'Customers' },
  { href: '/admin/reviews', name: 'Reviews' },
  { href: '/admin/mail', name: 'Undelivered mail' },
];

function Section({ path }: { path: string }) {
  if (path === '/admin' || path === '/admin/products') return <ProductsAdmin />;
  if (path === '/admin/inventory') return <InventoryAdmin />;
  if (path === '/admin/orders') return <OrdersAdmin />;
  if (path === '/admin/customers') return <CustomersAdmin />;
  if (path === '/admin/categories') return <CategoriesAdmin />;
  if (path === '/admin/reviews') return <ReviewsAdmin />;
  if (path === '/admin/mail') return <MailAdmin />;
  const order = match('/admin/orders/:id', path);
  if (order) return <OrdersAdmin orderId={order.id} />;
  const customer = match('/admin/customers/:id', path);
  if (customer) return <CustomerDetail key={customer.id} id={customer.id} />;
  return <h1>This page does not exist.</h1>;
}

/** The console: the server checks the ADMIN role on every field; hiding it from others only spares them errors. */
export default function AdminConsole({ path }: { path: string }) {
  const { isAdmin, viewer } = useSession();
  if (!isAdmin)
    return viewer ? (
      <p>Only administrators may use the console.</p>
    ) : (
      <p>Please <Link href="/signin">sign in</Link> as an administrator.</p>
    );
  const current = path === '/admin' ? '/admin/products' : path;
  return (
    <div className="admin">
      <nav aria-label="Console">
        <ul>
          {sections.map((s) => (
            <li key={s.href}>
              <Link href={s.href} aria-current={current.startsWith(s.href) ? 'page' : undefined}>
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div>
        <Section path={path} />
      </div>
    </div>
  );
}
