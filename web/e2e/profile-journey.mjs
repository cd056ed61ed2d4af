// Profile and saved addresses: a new customer renames themselves (the header follows), changes their password (a wrong
// current one is refused; the new one signs them in again), adds an address (a bad country code is refused beside its
// field), adds and removes another, finds both kept after a reload, then checks out to the saved address without typing
// it again.
// Usage: node e2e/profile-journey.mjs http://127.0.0.1:PORT [screenshot-dir]
import { expect, openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const screenshots = process.argv[3];
const email = `profile-${Date.now()}@example.com`;

await run(async (browser, report, watch) => {
  const { page } = await openPage(browser, report);
  watch(page);
  const step = (name) => report.steps.push(name);

  await page.goto(base + '/register');
  await page.getByLabel('Full name').fill('Pro File');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('profile password 1');
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('heading', { name: 'Your profile' }).waitFor();

  const details = page.getByRole('form', { name: 'Your details' });
  await details.getByLabel('Full name').fill('Prof Ile');
  await details.getByRole('button', { name: 'Save profile' }).click();
  await details.getByRole('status').filter({ hasText: 'Your profile is saved.' }).waitFor();
  await page.locator('.site-header .viewer').filter({ hasText: 'Prof Ile' }).waitFor();
  step('renamed');

  const password = page.getByRole('form', { name: 'Password' });
  await password.getByLabel('Current password').fill('not my password');
  await password.getByLabel('New password').fill('profile password 2');
  await password.getByRole('button', { name: 'Change password' }).click();
  await password.getByText('The current password is wrong.').waitFor();
  await password.getByLabel('Current password').fill('profile password 1');
  await password.getByRole('button', { name: 'Change password' }).click();
  await password.getByRole('status').filter({ hasText: 'Your password is changed.' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(base + '/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('profile password 2');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByRole('heading', { name: 'Your profile' }).waitFor();
  step('password changed');

  const add = page.getByRole('form', { name: 'Add an address' });
  const fill = async (name, street, city, postalCode, country) => {
    await add.getByLabel('Full name').fill(name);
    await add.getByLabel('Street').fill(street);
    await add.getByLabel('City').fill(city);
    await add.getByLabel('Postal code').fill(postalCode);
    await add.getByLabel('Country').fill(country);
    await add.getByRole('button', { name: 'Add address' }).click();
  };
  await fill('Prof Ile', '5 Silo Way', 'Grainville', '54321', 'G1');
  await add.getByText('Enter the two-letter country code').waitFor();
  expect((await add.getByLabel('Country').getAttribute('aria-invalid')) === 'true', 'the country field is not marked invalid');
  await add.getByLabel('Country').fill('de');
  await add.getByRole('button', { name: 'Add address' }).click();
  await add.getByRole('status').filter({ hasText: 'The address is saved.' }).waitFor();
  const book = page.getByRole('region', { name: 'Saved addresses' });
  const entry = (text) => book.getByRole('listitem').filter({ hasText: text });
  await entry('Prof Ile, 5 Silo Way, 54321 Grainville, DE (default)').waitFor();
  step('address added');

  await fill('Second Home', '9 Old Road', 'Oldtown', '11111', 'FR');
  await entry('Second Home, 9 Old Road, 11111 Oldtown, FR').waitFor();
  await book.getByRole('button', { name: 'Remove Second Home, 9 Old Road, 11111 Oldtown, FR' }).click();
  await entry('Second Home').waitFor({ state: 'detached' });
  step('address removed');

  await page.reload();
  await page.getByRole('heading', { name: 'Your profile' }).waitFor();
  await entry('Prof Ile, 5 Silo Way, 54321 Grainville, DE (default)').waitFor();
  expect((await book.getByRole('listitem').count()) === 1, 'the removed address came back');
  expect((await details.getByLabel('Full name').inputValue()) === 'Prof Ile', 'the new name was not kept');
  if (screenshots) await page.screenshot({ path: `${screenshots}/profile.png`, fullPage: true });
  step('kept after a reload');

  await page.goto(base + '/');
  await page.locator('.product-grid .product-name').first().click();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  await page.getByRole('link', { name: /^Cart/ }).click();
  await page.getByRole('button', { name: 'Checkout' }).click();
  const saved = page.getByRole('radio', { name: 'Prof Ile, 5 Silo Way, 54321 Grainville, DE' });
  await saved.waitFor();
  expect(await saved.isChecked(), 'the default address is not chosen');
  expect((await page.getByLabel('Street').count()) === 0, 'checkout asks for an address while a saved one is chosen');
  await page.getByRole('radio', { name: 'A new address' }).check();
  await page.getByLabel('Street').waitFor();
  await saved.check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\//);
  await page.getByText('Shipping to Prof Ile, 5 Silo Way, 54321 Grainville, DE.').waitFor();
  step('checked out to the saved address');
}, screenshots);
