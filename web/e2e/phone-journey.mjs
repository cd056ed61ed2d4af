// The guest journey on a phone-sized screen (390 x 844, touch): home, search, product, cart, checkout, payment and the
// confirmation, each page without horizontal scrolling and with the header's search box, Cart and Sign in links inside
// the screen and usable by tapping.
// Usage: node e2e/phone-journey.mjs http://127.0.0.1:PORT [screenshot-dir]
import { openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const screenshots = process.argv[3];
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

await run(async (browser, report, watch) => {
  const { page } = await openPage(browser, report, phone);
  watch(page);
  const step = (name) => report.steps.push(name);

  /** Fails when the page is wider than the screen, naming the widest elements that stick out. */
  const fitsTheScreen = async (name) => {
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return null;
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} (right ${Math.round(e.getBoundingClientRect().right)})`);
      return `${document.documentElement.scrollWidth} px wide on a ${width} px screen: ${wide.join(', ')}`;
    });
    if (overflow) throw new Error(`${name} scrolls sideways: ${overflow}`);
    if (screenshots) await page.screenshot({ path: `${screenshots}/phone-${name}.png`, fullPage: true });
  };

  /** The header's controls are on the screen and big enough to tap. */
  const headerUsable = async () => {
    for (const control of [
      page.getByRole('searchbox', { name: 'Search' }),
      page.getByRole('link', { name: /^Cart/ }),
      page.getByRole('link', { name: 'Sign in' }),
    ]) {
      const box = await control.boundingBox();
      if (!box || box.x < 0 || box.x + box.width > 390 || box.height < 40)
        throw new Error(`a header control is off the screen or too small to tap: ${JSON.stringify(box)}`);
    }
  };

  await page.goto(base + '/');
  await page.getByRole('heading', { name: 'Featured products' }).waitFor();
  await page.locator('.product-grid .product-name').first().waitFor();
  await headerUsable();
  await fitsTheScreen('home');
  step('home');

  const productName = (await page.locator('.product-grid .product-name').first().textContent()).trim();

  // Every product: the filters start folded, so the first products are on the first screen; a tap unfolds them.
  await page.getByRole('button', { name: 'Go' }).tap();
  await page.waitForURL((u) => u.pathname === '/search');
  const firstProduct = page.locator('.product-grid .product-name').first();
  await firstProduct.waitFor();
  const box = await firstProduct.boundingBox();
  if (box.y + box.height > 844) throw new Error(`the first product is below the first screen (at ${Math.round(box.y)} px)`);
  await page.getByText('Filters', { exact: true }).tap();
  await page.getByRole('group', { name: 'Brand' }).getByRole('link').first().waitFor({ state: 'visible' });
  await fitsTheScreen('search-all');

  await page.getByRole('searchbox', { name: 'Search' }).tap();
  await page.getByRole('searchbox', { name: 'Search' }).fill(productName);
  await page.getByRole('button', { name: 'Go' }).tap();
  await page.waitForURL((u) => u.searchParams.get('q') === productName);
  await page.getByRole('link', { name: productName, exact: true }).first().waitFor();
  await headerUsable();
  await fitsTheScreen('search');
  step('search');

  await page.getByRole('link', { name: productName, exact: true }).first().tap();
  await page.getByRole('heading', { level: 1, name: productName }).waitFor();
  await page.locator('.availability').filter({ hasText: /In stock/ }).waitFor();
  await fitsTheScreen('product');
  await page.getByRole('button', { name: 'Add to cart' }).tap();
  await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  step('product');

  await page.getByRole('link', { name: 'Cart (1)' }).tap();
  await page.getByRole('heading', { name: 'Your cart' }).waitFor();
  await headerUsable();
  await fitsTheScreen('cart');
  step('cart');

  await page.getByRole('button', { name: 'Checkout' }).tap();
  await page.getByLabel('Email').fill('phone@example.com');
  await page.getByLabel('Full name').fill('Moe Bile');
  await page.getByLabel('Street').fill('4 Narrow Lane');
  await page.getByLabel('City').fill('Pocket');
  await page.getByLabel('Postal code').fill('40404');
  await page.getByLabel('Country').fill('GB');
  await fitsTheScreen('checkout');
  await page.getByRole('button', { name: 'Place order' }).tap();
  await page.waitForURL(/\/orders\//);
  step('checkout');

  await page.getByLabel('Card number').fill('4242424242424242');
  await page.getByLabel('Expiry month').fill('12');
  await page.getByLabel('Expiry year').fill('2030');
  await page.getByLabel('CVC').fill('123');
  await fitsTheScreen('payment');
  await page.getByRole('button', { name: 'Pay' }).tap();
  await page.getByRole('heading', { name: /Thank you/ }).waitFor();
  await page.locator('.order-status').filter({ hasText: 'Paid' }).waitFor();
  await headerUsable();
  await fitsTheScreen('confirmation');
  step('confirmation');
}, screenshots);
