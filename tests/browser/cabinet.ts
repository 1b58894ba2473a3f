/** Shared steps of the cabinet's browser tests: keyboard reach, axe, and logging in from a page's own link. */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { kk } from './messages.ts';

/** Moves focus with Tab alone until `target` has it: proves it is reachable by keyboard, in order. */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${target} with the Tab key`);
}

/** axe-core on the page as it stands (loaded by the context's init script, past the page's CSP). */
export async function axe(page: Page): Promise<string[]> {
  const { violations } = await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    }),
  );
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

/** Logs in (in Kazakh) from the page's own log-in link, which brings the visitor back to that page. */
export async function logInFrom(page: Page, path: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(path);
  await page.getByRole('main').getByRole('link', { name: kk['test.login'] }).click();
  await page.waitForURL('**/account/login/?next=*');
  await page.waitForSelector('main form button[type=submit]:enabled');
  await page.getByLabel(kk['field.email'], { exact: true }).fill(user.email);
  await page.getByLabel(kk['field.password'], { exact: true }).fill(user.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${path}`);
}
