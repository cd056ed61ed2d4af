// The undelivered-mail journey: an order's mail was refused by the mail server (550) and given up; the administrator
// signs in, finds it under "Undelivered mail" with the server's answer, retries it, and sees it leave the list. The test
// that runs this checks that the mail server then received it.
// Usage: node e2e/mail-journey.mjs http://127.0.0.1:PORT ADMIN_EMAIL ADMIN_PASSWORD ORDER_NUMBER [screenshot-dir]
import { openPage, run } from './browser.mjs';

const base = process.argv[2].replace(/\/$/, '');
const [adminEmail, adminPassword, orderNumber, screenshots] = process.argv.slice(3);

await run(async (browser, report, watch) => {
  const { page: admin } = await openPage(browser, report);
  watch(admin);
  const step = (name) => report.steps.push(name);

  await admin.goto(base + '/signin');
  await admin.getByLabel('Email').fill(adminEmail);
  await admin.getByLabel('Password').fill(adminPassword);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await admin.getByRole('link', { name: 'Admin' }).click();
  await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Undelivered mail', exact: true }).click();
  await admin.getByRole('heading', { level: 1, name: 'Undelivered mail' }).waitFor();
  const row = admin.getByRole('row', { name: new RegExp(`${orderNumber}.*payment pending.*550 `) });
  await row.waitFor();
  if (screenshots) await admin.screenshot({ path: `${screenshots}/admin-mail.png`, fullPage: true });
  step('listed with the refusal');

  await row.getByRole('button', { name: `Retry the mail about order ${orderNumber}` }).click();
  await admin.getByRole('status').filter({ hasText: `The mail about order ${orderNumber} is queued again.` }).waitFor();
  await admin.getByRole('row', { name: new RegExp(orderNumber) }).waitFor({ state: 'detached' });
  step('retried');
}, screenshots);
