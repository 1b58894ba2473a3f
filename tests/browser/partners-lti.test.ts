import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { kk } from './messages.ts';
import { logInFrom } from './cabinet.ts';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';
import { startLtiTool, type LtiTool } from '../../scripts/partners/lti-tool.ts';
import { interpolate } from '@qabilet/domain';

const TESTS_PAGE = '/kk/account/tests/';
const PARTNER = 'Teamwork Academy';
const TITLE = 'Командалық жұмыс (LTI)';
const format = (text: string, values: Record<string, string | number>) => interpolate(text, values);
const pattern = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+')}$`);

describe('an LTI 1.3 tool launched from the cabinet, in Kazakh', function () {
  this.timeout(120_000);
  let tool: LtiTool;
  let clientId: string;
  let context: BrowserContext | undefined;

  before(async () => {
    tool = await startLtiTool();
    const { partner } = await ctx.strapi
      .plugin('partners')
      .service('partners')
      .create({
        kind: 'lti',
        name: PARTNER,
        config: { loginUrl: tool.loginUrl, launchUrl: tool.launchUrl, jwksUrl: tool.jwksUrl },
        tests: [
          { key: 'lti-teamwork', name: { kk: TITLE, ru: 'Командная работа (LTI)', en: 'Teamwork (LTI)' }, scales: [{ from: 'score', to: 'collaboration' }] },
        ],
      });
    clientId = partner.clientId;
    const base = ctx.cmsUrl;
    await tool.register({
      issuer: base,
      clientId,
      authUrl: `${base}/api/partners/lti/auth`,
      tokenUrl: `${base}/api/partners/lti/token`,
      jwksUrl: `${base}/api/partners/jwks`,
    });
  });
  after(() => context?.close());

  it('a student starts the tool from the tests page, takes it there, and its score comes back to the results', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const user = await confirmedUser({ birthDate: '1999-01-20', firstName: 'Ерлан', userType: 'student', education: 'university' });
    await logInFrom(page, TESTS_PAGE, user);

    const card = page
      .getByRole('region', { name: kk['partners.title'] })
      .locator('.test-card')
      .filter({ has: page.getByRole('heading', { level: 3, name: TITLE, exact: true }) });
    await card.getByText(kk['partners.status.available'], { exact: true }).waitFor();
    await card.getByRole('button', { name: `${kk['partners.start']}: ${TITLE}` }).click();
    // OIDC login at the tool, our authorisation, the auto-posted id_token: the tool's own page.
    await page.waitForURL(`${tool.url}/launch?ltik=*`);
    await page.getByRole('heading', { name: 'Teamwork test' }).waitFor();
    assert.equal(tool.lastError(), null);
    await page.getByLabel('Points out of 20').fill('17');
    await page.getByRole('button', { name: 'Finish the test' }).click();
    // The tool sends the score with its grade service, then returns the person to the cabinet.
    await page.waitForURL(`**${TESTS_PAGE}?partner=${clientId}&test=lti-teamwork`, { timeout: 10_000 }).catch(async (error) => {
      throw new Error(`${(error as Error).message}\nat ${page.url()}: ${await page.locator('body').innerText()} (${tool.lastError()})`);
    });
    assert.equal(tool.lastError(), null);
    await card.getByText(pattern(kk['partners.status.completed'])).waitFor({ timeout: 35_000 });
    assert.equal(await card.locator('table tbody tr .score-number').textContent(), '85');

    await page.goto('/kk/account/results/');
    const profile = page.getByRole('table', { name: kk['results.profile.scales'] });
    await profile.waitFor();
    const row = profile.getByRole('row').filter({ hasText: format(kk['results.source.partner'], { name: PARTNER }) });
    assert.equal(await row.locator('.score-number').textContent(), '85');
    assert.deepEqual(errors, []);

    // A specialist's card of the same person would read the same statement: it is in the common model.
    const statements = await ctx.strapi.db.connection('assessment_statements').where({ user_id: user.id }).select('source_kind', 'source_name', 'test_key');
    assert.deepEqual(statements, [{ source_kind: 'partner', source_name: PARTNER, test_key: 'lti-teamwork' }]);
    const events = await api().get('/api/partners/tests').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    assert.equal(events.body.data.find((t: { key: string }) => t.key === 'lti-teamwork').status, 'completed');
  });
});
