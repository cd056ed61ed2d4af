// The guest journey in a real browser against a running API: search (the URL carries the query and the page cursor,
// back works, a reload keeps the results), product page, add to cart, the cart surviving a reload, checkout, a declined card, a paid card and the
// confirmation; meanwhile a second shopper's product page shows the stock drop live.
// Usage: node e2e/guest-journey.mjs http://127.0.0.1:PORT [screenshot-dir]
import { expect, openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const screenshots = process.argv[3];

await run(async (browser, report, watch) => {
  const { page } = await openPage(browser, report);
  watch(page);
  const step = (name) => report.steps.push(name);

  await page.goto(base + '/');
  await page.getByRole('heading', { name: 'Featured products' }).waitFor();
  const featured = page.locator('.product-grid .product-name').first();
  await featured.waitFor();
  const productName = (await featured.textContent()).trim();
  if (screenshots) await page.screenshot({ path: `${screenshots}/home.png`, fullPage: true });
  step('home');

  // Paging through every product with the cursor, and back again.
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.waitForURL((u) => u.pathname === '/search' && !u.search);
  await page.getByRole('status').filter({ hasText: /products?$/ }).waitFor();
  // Facets name what they count: a category by its name (the server's label), never its id.
  const categories = await page.getByRole('group', { name: 'Category' }).getByRole('link').allTextContents();
  expect(categories.length > 0 && categories.every((c) => /^[A-Z][\w &]+ \(\d+\)$/.test(c)), `category facets read ${categories.join(', ')}`);
  const firstOnPage1 = await page.locator('.product-grid .product-name').first().textContent();
  await page.getByRole('link', { name: 'Next page' }).click();
  await page.waitForURL((u) => u.searchParams.has('after'));
  await page.waitForFunction((first) => document.querySelector('.product-grid .product-name')?.textContent !== first, firstOnPage1);
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('after'));
  await page.waitForFunction((first) => document.querySelector('.product-grid .product-name')?.textContent === first, firstOnPage1);
  step('paged');

  // The query is in the URL, so a reload shows the same results.
  await page.getByRole('searchbox', { name: 'Search' }).fill(productName);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === productName);
  await page.reload();
  await page.getByRole('link', { name: productName, exact: true }).first().waitFor();
  expect((await page.getByRole('searchbox', { name: 'Search' }).inputValue()) === productName, 'the search box lost the query');
  if (screenshots) await page.screenshot({ path: `${screenshots}/search.png`, fullPage: true });
  step('search');

  await page.getByRole('link', { name: productName, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: productName }).waitFor();
  const availability = page.locator('.availability');
  await availability.filter({ hasText: /In stock: \d+ available/ }).waitFor();
  const before = Number((await availability.textContent()).match(/(\d+) available/)[1]);
  step('product');

  // A second shopper watches the same product page.
  const { page: watcher } = await openPage(browser, report);
  await watcher.goto(page.url());
  await watcher.locator('.availability').filter({ hasText: `In stock: ${before} available` }).waitFor();

  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  await page.reload();
  await page.getByRole('link', { name: 'Cart (1)' }).click();
  await page.getByRole('heading', { name: 'Your cart' }).waitFor();
  expect(await page.getByRole('link', { name: productName }).count() === 1, 'the cart lost its line across the reload');
  step('cart kept across reload');

  await page.getByRole('button', { name: 'Checkout' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByText('Enter your email address.').waitFor();
  step('checkout validation');
  await page.getByLabel('Email').fill('guest@example.com');
  await page.getByLabel('Full name').fill('Ada Guest');
  await page.getByLabel('Street').fill('1 Loop Road');
  await page.getByLabel('City').fill('Springfield');
  await page.getByLabel('Postal code').fill('12345');
  await page.getByLabel('Country').fill('US');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\//);
  const orderNumber = ((await page.getByRole('heading', { level: 1 }).textContent()).match(/OS-\d+/) ?? [])[0];
  expect(orderNumber, 'the order page shows no order number');
  step('checkout');

  // Other journeys buy from the same featured products, so this may have been the last one.
  await watcher.locator('.availability').filter({ hasText: before > 1 ? `In stock: ${before - 1} available` : 'Out of stock' }).waitFor();
  step('live stock');

  const pay = async (number) => {
    await page.getByLabel('Card number').fill(number);
    await page.getByLabel('Expiry month').fill('12');
    await page.getByLabel('Expiry year').fill('2030');
    await page.getByLabel('CVC').fill('123');
    await page.getByRole('button', { name: 'Pay' }).click();
  };
  await pay('4000000000000002');
  await page.getByRole('alert').filter({ hasText: 'declined' }).waitFor();
  if (screenshots) await page.screenshot({ path: `${screenshots}/declined.png`, fullPage: true });
  step('declined');

  await pay('4242424242424242');
  await page.getByRole('heading', { name: /Thank you/ }).filter({ hasText: orderNumber }).waitFor();
  await page.locator('.order-status').filter({ hasText: 'Paid' }).waitFor();
  if (screenshots) await page.screenshot({ path: `${screenshots}/confirmation.png`, fullPage: true });
  step('paid');

  const leaked = report.requests.filter(
    (r) => !r.url.includes('/sandbox/payments/tokens') && /4242424242424242|4000000000000002/.test(r.body),
  );
  expect(leaked.length === 0, `a card number was sent to ${leaked.map((r) => r.url).join(', ')}`);
  expect(report.requests.some((r) => r.url.endsWith('/sandbox/payments/tokens')), 'the card was never tokenized');
  step('card number only sent to the provider');
}, screenshots);
