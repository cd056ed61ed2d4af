// The admin journey: sign in as the configured administrator, create a category and a product in it with attributes,
// edit its price and attributes, receive stock and write some off with a reason, see it in the shop (under its
// category, with its attributes); a shopper registers and buys it; the admin finds the shopper's detail page (profile,
// addresses, orders), opens the order from there, ships it and refunds it.
// Usage: node e2e/admin-journey.mjs http://127.0.0.1:PORT ADMIN_EMAIL ADMIN_PASSWORD [screenshot-dir]
import { expect, openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const [adminEmail, adminPassword, screenshots] = process.argv.slice(3);
const suffix = Date.now().toString(36);
const productName = `Console Lamp ${suffix}`;
const categoryName = `Lamps ${suffix}`;
const buyerEmail = `buyer-${suffix}@example.com`;

await run(async (browser, report, watch) => {
  const { page: admin } = await openPage(browser, report);
  watch(admin);
  const step = (name) => report.steps.push(name);
  const consoleLink = (name) => admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name, exact: true });

  await admin.goto(base + '/signin');
  await admin.getByLabel('Email').fill(adminEmail);
  await admin.getByLabel('Password').fill(adminPassword);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('link', { name: 'Admin' }).click();
  for (const name of ['Products', 'Categories', 'Inventory', 'Orders', 'Customers', 'Reviews']) await consoleLink(name).waitFor();
  step('console');

  await consoleLink('Categories').click();
  await admin.getByRole('button', { name: 'Create category' }).click();
  await admin.getByText('Enter a name.').waitFor();
  await admin.getByLabel('Name').fill(categoryName);
  await admin.getByRole('button', { name: 'Create category' }).click();
  await admin.getByRole('status').filter({ hasText: `Created category ${categoryName}.` }).waitFor();
  await admin.getByRole('listitem').getByRole('link', { name: categoryName, exact: true }).waitFor();
  step('category created');

  await consoleLink('Products').click();
  await admin.getByRole('button', { name: 'Create product' }).click();
  await admin.getByText('Enter a SKU.').waitFor();
  await admin.getByLabel('SKU').fill(`LAMP-${suffix}`);
  await admin.getByLabel('Name').fill(productName);
  await admin.getByLabel('Description').fill('A lamp made in the admin console test.');
  await admin.getByLabel('Price').fill('42.50');
  await admin.getByLabel('Category').selectOption({ label: categoryName });
  await admin.getByLabel('Attributes').fill('colour: brass\nwattage');
  await admin.getByRole('button', { name: 'Create product' }).click();
  await admin.getByText('Line 2: write each attribute as name: value.').waitFor();
  await admin.getByLabel('Attributes').fill('colour: brass\nwattage: 40 W');
  await admin.getByRole('button', { name: 'Create product' }).click();
  await admin.getByRole('status').filter({ hasText: `Created ${productName}` }).waitFor();
  step('created');

  await admin.getByRole('searchbox', { name: 'Find' }).fill(productName);
  await admin.getByRole('row', { name: new RegExp(`${productName} in ${categoryName}`) }).waitFor();
  await admin.getByRole('button', { name: `Edit ${productName}` }).click();
  const edit = admin.getByRole('form', { name: `Edit ${productName}` });
  await edit.getByLabel('Price').fill('39.90');
  await edit.getByLabel('Attributes').fill('colour: brass\nwattage: 40 W\nheight: 45 cm');
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'detached' });
  await admin.getByRole('row', { name: new RegExp(productName) }).getByText('$39.90').waitFor();
  step('edited');

  await consoleLink('Inventory').click();
  await admin.getByRole('searchbox', { name: 'Find' }).fill(productName);
  const row = admin.getByRole('row', { name: new RegExp(productName) });
  // Plenty: the newest product is among the shop's featured ones, which the other journeys buy from.
  await admin.getByLabel(`Quantity for ${productName}`).fill('50');
  await admin.getByRole('button', { name: `Receive ${productName}` }).click();
  await row.getByRole('cell', { name: '50', exact: true }).first().waitFor();
  await admin.getByLabel(`Quantity for ${productName}`).fill('1');
  await admin.getByRole('button', { name: `Write off ${productName}` }).click();
  await row.getByRole('alert').filter({ hasText: 'Enter the reason for the write-off' }).waitFor();
  await admin.getByLabel(`Reason for ${productName}`).fill('Damaged in the warehouse');
  await admin.getByRole('button', { name: `Write off ${productName}` }).click();
  await row.getByRole('cell', { name: '49', exact: true }).first().waitFor();
  expect((await row.getByRole('cell', { name: '50', exact: true }).count()) === 0, 'the write-off left 50 on hand');
  if (screenshots) await admin.screenshot({ path: `${screenshots}/admin-inventory.png`, fullPage: true });
  step('received and wrote off');

  // A shopper finds it under its category (the catalog read model may lag a moment), registers and buys one.
  const { page: buyer } = await openPage(browser, report);
  watch(buyer);
  for (let i = 0; ; i++) {
    await buyer.goto(base + '/');
    await buyer.getByRole('link', { name: categoryName, exact: true }).click();
    await buyer.getByRole('status').filter({ hasText: /products?$/ }).waitFor();
    if (await buyer.getByRole('link', { name: productName }).count()) break;
    if (i > 20) throw new Error('the new product never appeared under its category');
    await buyer.waitForTimeout(500);
  }
  await buyer.getByRole('link', { name: productName }).click();
  await buyer.locator('.availability').filter({ hasText: 'In stock: 49 available' }).waitFor();
  await buyer.locator('.price').filter({ hasText: '$39.90' }).waitFor();
  const attributes = await buyer.locator('.attributes').innerText();
  expect(/colour\s*brass/.test(attributes) && /height\s*45 cm/.test(attributes), `the product page shows the attributes as ${attributes}`);
  step('in the shop');

  await buyer.getByRole('button', { name: 'Add to cart' }).click();
  await buyer.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  await buyer.getByRole('link', { name: 'Register' }).click();
  await buyer.getByLabel('Full name').fill('Bea Buyer');
  await buyer.getByLabel('Email').fill(buyerEmail);
  await buyer.getByLabel('Password').fill('buyer password 123');
  await buyer.getByRole('button', { name: 'Register' }).click();
  await buyer.getByRole('button', { name: 'Sign out' }).waitFor();
  await buyer.waitForURL((u) => u.pathname === '/');
  await buyer.getByRole('link', { name: 'Cart (1)' }).click();
  await buyer.getByRole('button', { name: 'Checkout' }).click();
  await buyer.getByLabel('Full name').fill('Bea Buyer');
  await buyer.getByLabel('Street').fill('3 Grain Street');
  await buyer.getByLabel('City').fill('Silo');
  await buyer.getByLabel('Postal code').fill('11111');
  await buyer.getByLabel('Country').fill('DE');
  await buyer.getByRole('button', { name: 'Place order' }).click();
  await buyer.waitForURL(/\/orders\//);
  await buyer.getByLabel('Card number').fill('4242424242424242');
  await buyer.getByLabel('Expiry month').fill('10');
  await buyer.getByLabel('Expiry year').fill('2032');
  await buyer.getByLabel('CVC').fill('999');
  await buyer.getByRole('button', { name: 'Pay' }).click();
  const heading = buyer.getByRole('heading', { name: /Thank you/ });
  await heading.waitFor();
  const orderNumber = (await heading.textContent()).match(/OS-\d+/)[0];
  step('bought');

  await consoleLink('Orders').click();
  await admin.getByLabel('Status').selectOption('PAID');
  await admin.getByRole('link', { name: orderNumber }).waitFor();

  // The customer list is a read model too: the new shopper may take a moment to appear.
  await consoleLink('Customers').click();
  for (let i = 0; ; i++) {
    if (i > 0) await admin.reload();
    await admin.getByRole('searchbox', { name: 'Find' }).fill(buyerEmail);
    const found = await admin.getByRole('link', { name: 'Bea Buyer' }).waitFor({ timeout: 2000 }).then(() => true, () => false);
    if (found) break;
    if (i > 20) throw new Error('the new customer never appeared in the customer list');
    await admin.waitForTimeout(500);
  }
  await admin.getByRole('link', { name: 'Bea Buyer' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Bea Buyer' }).waitFor();
  await admin.getByText(buyerEmail).waitFor();
  await admin.getByRole('region', { name: 'Saved addresses' }).getByText('No saved addresses.').waitFor();
  const orders = admin.getByRole('region', { name: /^Orders/ });
  await orders.getByRole('row', { name: new RegExp(`${orderNumber}.*Paid`) }).waitFor();
  if (screenshots) await admin.screenshot({ path: `${screenshots}/admin-customer.png`, fullPage: true });
  step('customer detail');

  await orders.getByRole('link', { name: orderNumber }).click();
  await admin.getByLabel('Tracking number').fill('TRACK-123');
  await admin.getByRole('button', { name: 'Ship' }).click();
  await admin.locator('.order-status').filter({ hasText: 'Shipped' }).waitFor();
  // The shopper's confirmation follows the order live.
  await buyer.locator('.order-status').filter({ hasText: 'TRACK-123' }).waitFor();
  step('shipped');

  await admin.getByLabel('Refund reason').fill('Damaged in transit');
  await admin.getByRole('button', { name: 'Refund' }).click();
  await admin.locator('.order-status').filter({ hasText: 'Refunded' }).waitFor();
  if (screenshots) await admin.screenshot({ path: `${screenshots}/admin-order.png`, fullPage: true });
  await buyer.locator('.order-status').filter({ hasText: 'Refunded' }).waitFor();
  step('refunded');
}, screenshots);
