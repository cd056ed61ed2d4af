// The guest journey with the keyboard alone (Tab, Shift+Tab, typing and Enter; no mouse): search, product, Add to
// cart, the cart, Checkout, the address, Pay and the confirmation. Every element that takes the focus on the way must
// show it (a visible outline under :focus-visible) and be on the screen.
// Usage: node e2e/keyboard-journey.mjs http://127.0.0.1:PORT [screenshot-dir]
import { openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const screenshots = process.argv[3];

await run(async (browser, report, watch) => {
  const { page } = await openPage(browser, report);
  watch(page);
  const step = (name) => report.steps.push(name);

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const label = el.labels?.[0]?.textContent ?? '';
      const name = (el.getAttribute('aria-label') || label || el.textContent || '').replace(/\s+/g, ' ').trim();
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        name,
        visible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth,
      };
    });

  /** Presses Tab until the element named `name` (a string: the whole name; a RegExp: a match) has the focus. */
  const tabTo = async (tag, name, max = 60) => {
    const wanted = (f) => f.tag === tag && (typeof name === 'string' ? f.name === name : name.test(f.name));
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (!f) continue;
      if (!f.visible) throw new Error(`the focus on ${f.tag} "${f.name}" cannot be seen`);
      if (!f.onScreen) throw new Error(`the focused ${f.tag} "${f.name}" is off the screen`);
      if (wanted(f)) return;
    }
    throw new Error(`${tag} "${name}" never took the focus in ${max} presses of Tab`);
  };
  const fillWithKeyboard = async (label, text) => {
    await tabTo('input', label);
    await page.keyboard.type(text);
  };

  await page.goto(base + '/');
  const productName = (await page.locator('.product-grid .product-name').first().textContent()).trim();
  await tabTo('a', 'Skip to content');
  await tabTo('input', 'Search');
  await page.keyboard.type(productName);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === productName);
  await page.getByRole('link', { name: productName, exact: true }).first().waitFor();
  step('searched');

  await tabTo('a', productName);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: productName }).waitFor();
  await tabTo('button', 'Add to cart');
  if (screenshots) await page.screenshot({ path: `${screenshots}/keyboard-add-to-cart.png` });
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  step('added to cart');

  await tabTo('a', 'View cart');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Your cart' }).waitFor();
  await tabTo('button', 'Checkout');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Checkout' }).waitFor();
  step('checkout');

  await fillWithKeyboard('Email', 'keys@example.com');
  await fillWithKeyboard('Full name', 'Kay Board');
  await fillWithKeyboard('Street', '10 Tab Street');
  await fillWithKeyboard('City', 'Enterprise');
  await fillWithKeyboard('Postal code', '10101');
  await fillWithKeyboard('Country', 'US');
  await tabTo('button', 'Place order');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/orders\//);
  step('order placed');

  await fillWithKeyboard('Card number', '4242424242424242');
  await fillWithKeyboard('Expiry month', '12');
  await fillWithKeyboard('Expiry year', '2030');
  await fillWithKeyboard('CVC', '123');
  await tabTo('button', 'Pay');
  if (screenshots) await page.screenshot({ path: `${screenshots}/keyboard-pay.png` });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /Thank you/ }).waitFor();
  await page.locator('.order-status').filter({ hasText: 'Paid' }).waitFor();
  step('paid');
}, screenshots);
