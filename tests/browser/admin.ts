/**
 * The Strapi admin in a browser: staff members made the way the API tests make them (an admin user
 * with a staff role and a staff profile at a centre), logged in through the admin's own form, and
 * axe run on a plugin's own content area.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { ctx } from '../setup/context.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type StaffRole = 'qabilet-specialist' | 'qabilet-call-centre-operator' | 'qabilet-regional-coordinator' | 'qabilet-project-curator';
export type StaffMember = { id: number; email: string; password: string; name: string; profileId: number };

/** A plugin's admin strings, so that tests find things by the words staff read. */
export const pluginMessages = (plugin: 'booking' | 'crm', locale: 'en' | 'ru' | 'kk'): Record<string, string> =>
  JSON.parse(fs.readFileSync(new URL(`../../plugins/${plugin}/admin/src/translations/${locale}.json`, import.meta.url), 'utf8'));

/** The admin's own strings (its login form) in English, the language it opens in. */
export const ADMIN_EN = { email: 'Email', password: 'Password', login: 'Login' };

/**
 * An admin user with `role` and a staff profile at `centre` (and the centre's region, as the demo
 * staff have). `language` is their choice in the admin profile: the admin switches to it on login.
 */
export async function staffMember(
  role: StaffRole,
  centre: string,
  options: { language?: 'en' | 'ru'; firstname?: string; lastname?: string } = {},
): Promise<StaffMember> {
  const roleRow = await ctx.strapi.db.query('admin::role').findOne({ where: { code: role } });
  const tag = crypto.randomBytes(3).toString('hex');
  const email = `${role.replace('qabilet-', '')}.${tag}@qabilet.example`;
  const password = `Qb1-${crypto.randomBytes(9).toString('base64url')}`;
  const firstname = options.firstname ?? 'Test';
  const lastname = options.lastname ?? `Staff ${tag}`;
  const user = await ctx.strapi.service('admin::user').create({
    email,
    firstname,
    lastname,
    password,
    isActive: true,
    registrationToken: null,
    roles: [roleRow.id],
    ...(options.language ? { preferedLanguage: options.language } : {}),
  });
  const centreRow = await ctx.strapi.db.query('api::centre.centre').findOne({ where: { slug: centre, locale: 'kk' }, populate: { region: true } });
  assert.ok(centreRow, `no centre ${centre}`);
  const profile = await ctx.strapi.documents('api::staff-profile.staff-profile').create({
    data: { user: user.id, centre: centreRow.documentId, region: centreRow.region?.documentId, position: role } as never,
  });
  const profileRow = await ctx.strapi.db.query('api::staff-profile.staff-profile').findOne({ where: { documentId: profile.documentId } });
  return { id: user.id, email, password, name: `${firstname} ${lastname}`, profileId: profileRow.id };
}

/** A fresh browser context on the CMS with axe loaded into every page (past the admin's CSP). */
export async function adminContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await ctx.browser!.newContext({ baseURL: ctx.cmsUrl, locale: 'en-US', timezoneId: 'Asia/Almaty', acceptDownloads: true });
  await context.addInitScript(axeSource);
  return { context, page: await context.newPage() };
}

/** Logs in through the admin's form, by its labels, and waits for the home page. */
export async function logIn(page: Page, member: { email: string; password: string }): Promise<void> {
  await page.goto('/admin/auth/login');
  // The labels end with the required mark (an asterisk hidden from screen readers).
  await page.getByLabel(new RegExp(`^${ADMIN_EN.email}`)).fill(member.email);
  await page.getByLabel(new RegExp(`^${ADMIN_EN.password}`)).fill(member.password);
  await page.getByRole('button', { name: ADMIN_EN.login }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'), { timeout: 20_000 });
  // The home page is up once the main navigation is drawn.
  await page.getByRole('navigation').first().waitFor();
}

/** Opens a plugin's page from the main navigation, as staff do. */
export async function openFromMenu(page: Page, name: string | RegExp): Promise<void> {
  const link = page.getByRole('navigation').getByRole('link', { name });
  const href = String(await link.getAttribute('href'));
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
}

/** Moves focus with Tab alone until `target` has it: proves it is reachable by keyboard, in order. */
export async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${target} with the Tab key`);
}

/** A violation let through by name: a rule on the nodes whose HTML matches, with the reason beside it. */
export type KnownViolation = { id: string; html: RegExp };

/**
 * axe-core on the plugin's own content: the admin's `<main>` (its header and content). Strapi's
 * chrome around it (the navigation, its tooltips) is Strapi's to fix and is left out; a modal,
 * rendered by the Design System outside `<main>`, is checked by naming it in `include`.
 */
export async function axe(page: Page, include: string[] = ['main'], known: KnownViolation[] = []): Promise<string[]> {
  // The pointer is moved off what it last clicked: the Design System's primary button on hover
  // (white on #7b79ff, 3.5:1) is Strapi's colour, and a resting pointer is not what axe should judge.
  const viewport = page.viewportSize();
  if (viewport) await page.mouse.move(viewport.width - 1, viewport.height - 1);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const { violations } = await page.evaluate(
    (selectors) =>
      (window as unknown as { axe: { run: (c: object, o: object) => Promise<AxeResults> } }).axe.run(
        { include: selectors },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] },
      ),
    include,
  );
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !known.some((k) => k.id === v.id && k.html.test(n.html))) }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} (${n.html.slice(0, 120)}): ${n.failureSummary ?? ''}`)
          .join('; ')}`,
    );
}
