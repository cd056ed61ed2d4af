// The registered journey: register with a guest cart (kept), sign out, shop as a guest again, sign in (the guest cart
// merges into the customer's), stay signed in across a reload (refresh token), pay, find the order in the order
// history and cancel it.
// Usage: node e2e/registered-journey.mjs http://127.0.0.1:PORT [screenshot-dir]
import { openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const screenshots = process.argv[3];
const email = `shopper-${Date.now()}@example.com`;
const password = 'correct horse battery';

await run(async (browser, report, watch) => {
  const { page } = await openPage(browser, report);
  watch(page);
  const step = (name) => report.steps.push(name);
  const products = async () => {
    await page.goto(base + '/');
    await page.locator('.product-grid .product-name').first().waitFor();
    return page.locator('.product-grid .product-name').allTextContents();
  };
  const addToCart = async (name) => {
    await page.getByRole('link', { name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  };

  const names = await products();
  await addToCart(names[0]);
  await page.getByRole('link', { name: 'Register' }).click();
  await page.getByLabel('Full name').fill('Reg Istered');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByText('Use at least 10 characters.').waitFor();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByRole('link', { name: 'Cart (1)' }).waitFor();
  step('registered with the guest cart');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  await page.getByRole('link', { name: 'Cart', exact: true }).waitFor();
  step('signed out');

  await products();
  await addToCart(names[1]);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.field-error').first().waitFor();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Cart (2)' }).waitFor();
  step('signed in and merged the guest cart');

  await page.reload();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByRole('link', { name: 'Cart (2)' }).click();
  step('still signed in after a reload');

  await page.getByRole('button', { name: 'Checkout' }).click();
  await page.getByLabel('Full name').fill('Reg Istered');
  await page.getByLabel('Street').fill('2 Actor Lane');
  await page.getByLabel('City').fill('Redmond');
  await page.getByLabel('Postal code').fill('98052');
  await page.getByLabel('Country').fill('us');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\//);
  const orderNumber = ((await page.getByRole('heading', { level: 1 }).textContent()).match(/OS-\d+/) ?? [])[0];
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry month').fill('12');
  await page.getByLabel('Expiry year').fill('2031');
  await page.getByLabel('CVC').fill('321');
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.getByRole('heading', { name: /Thank you/ }).filter({ hasText: orderNumber }).waitFor();
  step('paid');

  await page.getByRole('link', { name: 'Order history' }).click();
  await page.getByRole('heading', { name: 'Order history' }).waitFor();
  if (screenshots) await page.screenshot({ path: `${screenshots}/order-history.png`, fullPage: true });
  await page.getByRole('link', { name: orderNumber }).click();
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await page.locator('.order-status').filter({ hasText: 'Cancelled' }).waitFor();
  step('cancelled from the order history');
}, screenshots);
