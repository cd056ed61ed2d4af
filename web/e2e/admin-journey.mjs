// The admin journey: sign in as the configured administrator, create a product, receive stock, see it in the shop;
// a guest buys it; the admin ships and refunds that order.
// Usage: node e2e/admin-journey.mjs http://127.0.0.1:PORT ADMIN_EMAIL ADMIN_PASSWORD [screenshot-dir]
import { openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const [adminEmail, adminPassword, screenshots] = process.argv.slice(3);
const suffix = Date.now().toString(36);
const productName = `Console Lamp ${suffix}`;

await run(async (browser, report, watch) => {
  const { page: admin } = await openPage(browser, report);
  watch(admin);
  const step = (name) => report.steps.push(name);

  await admin.goto(base + '/signin');
  await admin.getByLabel('Email').fill(adminEmail);
  await admin.getByLabel('Password').fill(adminPassword);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('link', { name: 'Admin' }).click();
  for (const name of ['Products', 'Inventory', 'Orders', 'Customers', 'Reviews'])
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name }).waitFor();
  step('console');

  await admin.getByRole('button', { name: 'Create product' }).click();
  await admin.getByText('Enter a SKU.').waitFor();
  await admin.getByLabel('SKU').fill(`LAMP-${suffix}`);
  await admin.getByLabel('Name').fill(productName);
  await admin.getByLabel('Description').fill('A lamp made in the admin console test.');
  await admin.getByLabel('Price').fill('42.50');
  await admin.getByRole('button', { name: 'Create product' }).click();
  await admin.getByRole('status').filter({ hasText: `Created ${productName}` }).waitFor();
  step('created');

  await admin.getByRole('link', { name: 'Inventory' }).click();
  await admin.getByRole('searchbox', { name: 'Find' }).fill(productName);
  await admin.getByLabel(`Quantity for ${productName}`).fill('5');
  await admin.getByRole('button', { name: `Receive ${productName}` }).click();
  await admin.getByRole('row', { name: new RegExp(productName) }).getByRole('cell', { name: '5', exact: true }).first().waitFor();
  if (screenshots) await admin.screenshot({ path: `${screenshots}/admin-inventory.png`, fullPage: true });
  step('received');

  // A guest finds it in the shop (the catalog read model may lag a moment) and buys one.
  const { page: guest } = await openPage(browser, report);
  watch(guest);
  for (let i = 0; ; i++) {
    await guest.goto(`${base}/search?q=${encodeURIComponent(suffix)}`);
    await guest.getByRole('status').filter({ hasText: /products?$/ }).waitFor();
    if (await guest.getByRole('link', { name: productName }).count()) break;
    if (i > 20) throw new Error('the new product never appeared in the shop');
    await guest.waitForTimeout(500);
  }
  await guest.getByRole('link', { name: productName }).click();
  await guest.locator('.availability').filter({ hasText: 'In stock: 5 available' }).waitFor();
  step('in the shop');
  await guest.getByRole('button', { name: 'Add to cart' }).click();
  await guest.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  await guest.getByRole('link', { name: /^Cart/ }).click();
  await guest.getByRole('button', { name: 'Checkout' }).click();
  await guest.getByLabel('Email').fill('buyer@example.com');
  await guest.getByLabel('Full name').fill('Bea Buyer');
  await guest.getByLabel('Street').fill('3 Grain Street');
  await guest.getByLabel('City').fill('Silo');
  await guest.getByLabel('Postal code').fill('11111');
  await guest.getByLabel('Country').fill('DE');
  await guest.getByRole('button', { name: 'Place order' }).click();
  await guest.waitForURL(/\/orders\//);
  await guest.getByLabel('Card number').fill('4242424242424242');
  await guest.getByLabel('Expiry month').fill('10');
  await guest.getByLabel('Expiry year').fill('2032');
  await guest.getByLabel('CVC').fill('999');
  await guest.getByRole('button', { name: 'Pay' }).click();
  const heading = guest.getByRole('heading', { name: /Thank you/ });
  await heading.waitFor();
  const orderNumber = (await heading.textContent()).match(/OS-\d+/)[0];
  step('bought');

  await admin.getByRole('link', { name: 'Orders' }).click();
  await admin.getByLabel('Status').selectOption('PAID');
  await admin.getByRole('link', { name: orderNumber }).click();
  await admin.getByLabel('Tracking number').fill('TRACK-123');
  await admin.getByRole('button', { name: 'Ship' }).click();
  await admin.locator('.order-status').filter({ hasText: 'Shipped' }).waitFor();
  // The guest's confirmation follows the order live.
  await guest.locator('.order-status').filter({ hasText: 'TRACK-123' }).waitFor();
  step('shipped');

  await admin.getByLabel('Refund reason').fill('Damaged in transit');
  await admin.getByRole('button', { name: 'Refund' }).click();
  await admin.locator('.order-status').filter({ hasText: 'Refunded' }).waitFor();
  if (screenshots) await admin.screenshot({ path: `${screenshots}/admin-order.png`, fullPage: true });
  await guest.locator('.order-status').filter({ hasText: 'Refunded' }).waitFor();
  step('refunded');
}, screenshots);
