// Alipay approval: a guest places an order, chooses Alipay, is sent to the payment sandbox's page, cancels there and
// comes back to the order (still payable, nothing charged); pays with Alipay again, approves, and comes back to the
// order page showing it paid. A second tab left open on the order turns Paid live (orderStatusChanged), without a reload.
// Usage: node e2e/alipay-journey.mjs http://127.0.0.1:PORT [screenshot-dir]
import { openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const screenshots = process.argv[3];

await run(async (browser, report, watch) => {
  const { context, page } = await openPage(browser, report);
  watch(page);
  const step = (name) => report.steps.push(name);

  await page.goto(base + '/');
  const featured = page.locator('.product-grid .product-name').first();
  await featured.click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  await page.getByRole('link', { name: /^Cart/ }).click();
  await page.getByRole('button', { name: 'Checkout' }).click();
  await page.getByLabel('Email').fill('alipay@example.com');
  await page.getByLabel('Full name').fill('Li Pay');
  await page.getByLabel('Street').fill('8 Stream Street');
  await page.getByLabel('City').fill('Hangzhou');
  await page.getByLabel('Postal code').fill('310000');
  await page.getByLabel('Country').fill('CN');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\//);
  const orderUrl = page.url();
  const orderNumber = ((await page.getByRole('heading', { level: 1 }).textContent()).match(/OS-\d+/) ?? [])[0];
  if (!orderNumber) throw new Error('the order page shows no order number');
  step('order placed');

  // The same shopper's other tab, left on the order page.
  const watcher = await context.newPage();
  await watcher.goto(orderUrl);
  await watcher.locator('.order-status').filter({ hasText: 'Waiting for payment' }).waitFor();

  const toAlipay = async () => {
    await page.getByLabel('Alipay').check();
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/sandbox/payments/alipay/'));
    await page.getByRole('heading', { name: 'Alipay sandbox' }).waitFor();
  };
  await toAlipay();
  step('sent to Alipay');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForURL(orderUrl);
  await page.getByRole('alert').filter({ hasText: 'Alipay payment was cancelled' }).waitFor();
  await page.locator('.order-status').filter({ hasText: 'Waiting for payment' }).waitFor();
  step('cancelled on Alipay and back, still payable');

  await toAlipay();
  if (screenshots) await page.screenshot({ path: `${screenshots}/alipay.png`, fullPage: true });
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL(orderUrl);
  await page.getByRole('heading', { name: /Thank you/ }).filter({ hasText: orderNumber }).waitFor();
  await page.locator('.order-status').filter({ hasText: 'Paid' }).waitFor();
  await page.getByRole('list', { name: 'Payments' }).getByText('Alipay: captured').waitFor();
  step('approved and back, paid');

  await watcher.getByRole('heading', { name: /Thank you/ }).filter({ hasText: orderNumber }).waitFor();
  await watcher.locator('.order-status').filter({ hasText: 'Paid' }).waitFor();
  step('the other tab turned paid live');
}, screenshots);
