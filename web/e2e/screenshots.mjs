// Screenshots of the main pages for the README (docs/screenshots/), taken from the running shop by a shopper's and an
// administrator's journey: home, search, product, cart, checkout, the paid order's confirmation, and the console's order
// list and order page. Run by web/scripts/screenshots.sh, which starts the API on a fresh data directory.
// Usage: node e2e/screenshots.mjs http://127.0.0.1:PORT ADMIN_EMAIL ADMIN_PASSWORD OUT_DIR
import { launch } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const [adminEmail, adminPassword, out] = process.argv.slice(3);
const viewport = { width: 1280, height: 800 };
const browser = await launch();
const shot = (page, name) => page.screenshot({ path: `${out}/${name}.png` });

try {
  const shopper = await (await browser.newContext({ viewport })).newPage();
  shopper.setDefaultTimeout(20_000);
  await shopper.goto(base + '/');
  await shopper.locator('.product-grid .product-name').first().waitFor();
  await shot(shopper, 'home');

  await shopper.getByRole('searchbox', { name: 'Search' }).fill('chair');
  await shopper.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await shopper.getByLabel('In stock only').check();
  await shopper.waitForURL((u) => u.searchParams.get('inStock') === '1');
  await shopper.getByRole('status').filter({ hasText: /products?$/ }).waitFor();
  await shot(shopper, 'search');

  await shopper.locator('.product-grid .product-name').first().click();
  await shopper.locator('.availability').filter({ hasText: 'In stock' }).waitFor();
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await shopper.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  await shot(shopper, 'product');

  await shopper.getByRole('link', { name: /^Cart/ }).click();
  await shopper.getByRole('heading', { name: 'Your cart' }).waitFor();
  await shot(shopper, 'cart');

  await shopper.getByRole('button', { name: 'Checkout' }).click();
  await shopper.getByLabel('Email').fill('ada@example.com');
  await shopper.getByLabel('Full name').fill('Ada Lovelace');
  await shopper.getByLabel('Street').fill('12 Analytical Way');
  await shopper.getByLabel('City').fill('London');
  await shopper.getByLabel('Postal code').fill('N1 9GU');
  await shopper.getByLabel('Country').fill('GB');
  await shot(shopper, 'checkout');

  await shopper.getByRole('button', { name: 'Place order' }).click();
  await shopper.waitForURL(/\/orders\//);
  await shopper.getByLabel('Card number').fill('4242 4242 4242 4242');
  await shopper.getByLabel('Expiry month').fill('12');
  await shopper.getByLabel('Expiry year').fill('2030');
  await shopper.getByLabel('CVC').fill('123');
  await shopper.getByRole('button', { name: 'Pay' }).click();
  const thanks = shopper.getByRole('heading', { name: /Thank you/ });
  await thanks.waitFor();
  const orderNumber = (await thanks.textContent()).match(/OS-\d+/)[0];
  await shot(shopper, 'confirmation');

  const admin = await (await browser.newContext({ viewport })).newPage();
  admin.setDefaultTimeout(20_000);
  await admin.goto(base + '/signin');
  await admin.getByLabel('Email').fill(adminEmail);
  await admin.getByLabel('Password').fill(adminPassword);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('link', { name: 'Admin' }).click();
  await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Orders' }).click();
  await admin.getByRole('link', { name: orderNumber }).waitFor();
  await shot(admin, 'admin-orders');
  await admin.getByRole('link', { name: orderNumber }).click();
  await admin.getByLabel('Tracking number').waitFor();
  await shot(admin, 'admin-order');
} finally {
  await browser.close();
}
