import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { kk } from './messages.ts';
import { axe, logInFrom, tabTo } from './cabinet.ts';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';
import { interpolate } from '@qabilet/domain';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type Definition = { title: Record<string, string>; sections: Array<{ items: Array<{ key: string; scale?: string; options: Array<{ key: string }> }> }> };
const interests: Definition = JSON.parse(fs.readFileSync(new URL('../../cms/data/assessments/interests.json', import.meta.url), 'utf8'));
const ITEMS = interests.sections.flatMap((s) => s.items.map((i) => i.key));
const TITLE = interests.title.kk;
const TESTS_PAGE = '/kk/account/tests/';
const format = (text: string, values: Record<string, string | number>) => interpolate(text, values);

const adult = (firstName: string) => confirmedUser({ birthDate: '1995-05-05', firstName, gender: 'male', userType: 'student', education: 'university' });

/** Logs in from the tests page's own link, which brings the visitor back to it with the list shown. */
async function logInFromTests(page: Page, user: { email: string; password: string }): Promise<void> {
  await logInFrom(page, TESTS_PAGE, user);
  await page.getByRole('heading', { level: 3, name: TITLE }).waitFor();
}

const progress = (page: Page) => page.locator('.runner-progress label').textContent();
const questionAt = (n: number) => format(kk['test.run.progress'], { n, total: ITEMS.length });

/** Answers the item shown with the keyboard: Tab into its radio group, arrows to the point, Tab to "Next", Enter. */
async function answerWithKeys(page: Page, n: number, value: number): Promise<void> {
  assert.equal(await progress(page), questionAt(n));
  await tabTo(page, page.getByRole('radio', { name: kk['test.likert.5.1'], exact: true }));
  if (value === 1) await page.keyboard.press('Space');
  for (let i = 1; i < value; i++) await page.keyboard.press('ArrowDown');
  assert.ok(await page.getByRole('radio', { name: kk[`test.likert.5.${value}`], exact: true }).isChecked());
  await tabTo(page, page.getByRole('button', { name: kk['test.run.next'], exact: true }));
  await page.keyboard.press('Enter');
  await page.locator('.runner-progress label', { hasText: questionAt(n + 1) }).waitFor();
  // Focus moves to the new question, so that it is read and the next Tab enters its answers.
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'runner-question');
}

/** The runner's copies of attempts and the pointers to them (not the id of the account last logged in). */
const attemptKeys = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => /^qabilet\.runner\.(attempt|current)\./.test(k))
      .sort(),
  );
const runnerEntries = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('qabilet.runner.'))
        .map((k) => [k, localStorage.getItem(k)!]),
    ),
  );
const putEntries = (page: Page, entries: Record<string, string>) =>
  page.evaluate((all) => {
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
  }, entries);
const RUN = (slug: string) => `/kk/account/tests/run/?test=${slug}`;
const savedStatus = (page: Page) => page.getByRole('status').filter({ hasText: kk['test.save.saved'] });

describe('assessments in a browser, in Kazakh', function () {
  this.timeout(180_000);
  let context: BrowserContext;
  let page: Page;
  afterEach(() => context.close());

  it('an adult takes the interests test through a lost connection and an offline reload; every answer reaches the server once', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const user = await adult('Ерлан');
    await logInFromTests(page, user);
    assert.deepEqual(await axe(page), []);
    // A test for other ages is listed as such, without a way to start it (the server would refuse).
    const primary: Definition = JSON.parse(fs.readFileSync(new URL('../../cms/data/assessments/primary.json', import.meta.url), 'utf8'));
    const young = page.locator('.test-card').filter({ has: page.getByRole('heading', { name: primary.title.kk, exact: true }) });
    await young.getByText(format(kk['test.list.notForAge'], { from: 7, to: 11 })).waitFor();
    assert.equal(await young.getByRole('link').count(), 0);

    // Start from the list with the keyboard.
    await tabTo(page, page.getByRole('link', { name: `${kk['test.list.start']}: ${TITLE}` }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/kk/account/tests/run/?test=interests');
    await page.locator('.runner-question').waitFor();
    // The service worker has the page and its scripts: a reload works offline from now on.
    await page.getByText(kk['test.run.offlineReady']).waitFor({ timeout: 30_000 });
    const pointer = await page.evaluate(() => localStorage.getItem('qabilet.runner.current.interests'));
    const attemptId = Number(pointer);
    assert.ok(attemptId > 0, 'the attempt is kept on the device');

    const values = [4, 2, 5, 1, 3, 5, 2, 4, 1];
    for (let i = 0; i < 4; i++) await answerWithKeys(page, i + 1, values[i]!);
    await savedStatus(page).waitFor();

    await context.setOffline(true);
    for (let i = 4; i < 9; i++) await answerWithKeys(page, i + 1, values[i]!);
    await page.getByRole('status').filter({ hasText: kk['test.save.offline'] }).waitFor();
    assert.deepEqual(await axe(page), []);

    // A reload without a connection: the page comes from the service worker, the answers from this device.
    const reloaded = await page.reload();
    assert.ok(reloaded?.fromServiceWorker(), 'the page came from the service worker');
    await page.locator('.runner-question').waitFor();
    assert.equal(await progress(page), questionAt(10));
    await page.getByText(format(kk['test.run.answered'], { n: 9, total: ITEMS.length })).waitFor();
    await page.getByRole('status').filter({ hasText: kk['test.save.offline'] }).waitFor();
    await tabTo(page, page.getByRole('button', { name: kk['test.run.back'], exact: true }));
    await page.keyboard.press('Enter');
    await page.locator('.runner-progress label', { hasText: questionAt(9) }).waitFor();
    assert.ok(await page.getByRole('radio', { name: kk['test.likert.5.1'], exact: true }).isChecked(), 'the ninth answer survived the reload');
    await page.getByRole('button', { name: kk['test.run.next'], exact: true }).click();
    await page.locator('.runner-progress label', { hasText: questionAt(10) }).waitFor();

    await context.setOffline(false);
    await savedStatus(page).waitFor({ timeout: 30_000 });
    const attempt = await api().get(`/api/assessment/attempts/${attemptId}`).set('Authorization', `Bearer ${user.jwt}`).expect(200);
    const stored = attempt.body.data.answers as Array<{ item: string; value: number }>;
    assert.deepEqual(
      [...stored].sort((a, b) => ITEMS.indexOf(a.item) - ITEMS.indexOf(b.item)).map((a) => [a.item, a.value]),
      ITEMS.slice(0, 9).map((item, i) => [item, values[i]]),
    );
    assert.equal(new Set(stored.map((a) => a.item)).size, stored.length, 'each item once');
    assert.deepEqual(await axe(page), []);

    // Half of every scale answered (the items take the scales in turn), so that each is measured for the profile.
    for (let n = 10; n <= 18; n++) {
      await page.getByRole('radio', { name: kk['test.likert.5.4'], exact: true }).check();
      await page.getByRole('button', { name: kk['test.run.next'], exact: true }).click();
      await page.locator('.runner-progress label', { hasText: questionAt(n + 1) }).waitFor();
    }

    // Finishing with unanswered items asks first; the answer leads to the result.
    await tabTo(page, page.getByRole('button', { name: kk['test.run.finish'], exact: true }));
    await page.keyboard.press('Enter');
    const question = page.getByRole('heading', { name: kk['test.finish.confirmTitle'] });
    await question.waitFor();
    assert.ok(await question.evaluate((el) => el === document.activeElement), 'the question takes focus');
    await page.getByText(format(kk['test.finish.unanswered'], { n: ITEMS.length - 18, total: ITEMS.length })).waitFor();
    await tabTo(page, page.getByRole('button', { name: kk['test.finish.anyway'] }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/kk/account/results/?attempt=${attemptId}`);

    await page.getByRole('heading', { level: 2, name: format(kk['results.one.title'], { test: TITLE }) }).waitFor();
    assert.equal(await page.locator('.result .result-scales tbody tr').count(), 6);
    await page.getByRole('heading', { level: 2, name: kk['results.recommendations.title'] }).waitFor();
    const recommendations = page.locator('.recommendation');
    assert.ok((await recommendations.count()) >= 1, 'professions are recommended');
    assert.match(String(await recommendations.first().locator('.fit').textContent()), /\d+ %/);
    assert.deepEqual(await attemptKeys(page), [], 'nothing of the attempt stays on the device');
    assert.deepEqual(await axe(page), []);
    const finished = await api().get(`/api/assessment/attempts/${attemptId}`).set('Authorization', `Bearer ${user.jwt}`).expect(200);
    assert.equal(finished.body.data.status, 'finished');

    // The best-fitting profession's own page (static, no script) links to the person's fit with it: the same figure.
    const best = recommendations.first();
    const fit = Number(/(\d+) %/.exec(String(await best.locator('.fit').textContent()))![1]);
    await best.getByRole('heading', { level: 3 }).getByRole('link').click();
    await page.waitForURL('**/kk/professions/*/');
    assert.equal(await page.locator('script').count(), 0);
    await page.getByRole('link', { name: kk['test.fit.link'] }).click();
    await page.waitForURL('**/kk/account/fit/?profession=*');
    await page.getByText(format(kk['test.fit.value'], { fit })).waitFor();
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, [], 'no script error on the way');
  });

  it('a pupil without a parent’s consent is told why and where to give it, on the list and on starting', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    page = await context.newPage();
    const pupil = await confirmedUser({ birthDate: '2011-03-15', firstName: 'Айгерім' });
    await logInFromTests(page, pupil);
    const explained = page.getByRole('alert').filter({ hasText: kk['test.problem.consent.parental'] });
    await explained.getByRole('link', { name: kk['test.problem.consentLink'] }).waitFor();
    assert.deepEqual(await axe(page), []);
    await page.getByRole('link', { name: `${kk['test.list.start']}: ${TITLE}` }).click();
    await page.waitForURL('**/kk/account/tests/run/?test=interests');
    await explained.getByRole('link', { name: kk['test.problem.consentLink'] }).waitFor();
    assert.equal(await explained.getByRole('link').getAttribute('href'), '/kk/account/');
    assert.deepEqual(await attemptKeys(page), []);
  });

  it('two tests in two tabs: finishing one leaves the other running, with its answers and times', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    page = await context.newPage();
    const user = await adult('Мәди');
    await logInFromTests(page, user);
    await page.goto(RUN('interests'));
    await page.getByRole('radio', { name: kk['test.likert.5.4'], exact: true }).check();
    await page.getByRole('button', { name: kk['test.run.next'], exact: true }).click();
    await page.locator('.runner-progress label', { hasText: questionAt(2) }).waitFor();
    await savedStatus(page).waitFor();
    const id = Number(await page.locator('.runner').getAttribute('data-attempt'));

    const other = await context.newPage();
    await other.goto(RUN('soft-skills'));
    await other.getByRole('radio', { name: kk['test.likert.5.2'], exact: true }).check();
    await other.getByRole('button', { name: kk['test.run.finish'], exact: true }).click();
    await other.getByRole('button', { name: kk['test.finish.anyway'] }).click();
    await other.waitForURL('**/kk/account/results/?attempt=*');

    // Only the finished attempt left the device; the interests test goes on where it was.
    await page.bringToFront();
    assert.deepEqual(await attemptKeys(page), [`qabilet.runner.attempt.${id}`, 'qabilet.runner.current.interests']);
    const kept = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), `qabilet.runner.attempt.${id}`))!);
    assert.ok(kept.times[ITEMS[0]!] > 0, 'the time on the first item is kept');
    assert.equal(await page.getByText(kk['test.run.elsewhere']).count(), 0);
    await page.getByText(format(kk['test.run.answered'], { n: 1, total: ITEMS.length })).waitFor();
    await page.getByRole('radio', { name: kk['test.likert.5.2'], exact: true }).check();
    await page.getByRole('button', { name: kk['test.run.next'], exact: true }).click();
    await savedStatus(page).waitFor();
    // The position goes on its own after the answer (nothing else to send): wait for it a moment.
    let attempt: { status: string; answers: unknown[]; position: { item: string } | null } | undefined;
    for (let i = 0; i < 20 && attempt?.position?.item !== ITEMS[2]; i++) {
      if (i) await new Promise((resolve) => setTimeout(resolve, 250));
      attempt = (await api().get(`/api/assessment/attempts/${id}`).set('Authorization', `Bearer ${user.jwt}`).expect(200)).body.data;
    }
    assert.equal(attempt!.status, 'running');
    assert.deepEqual(
      (attempt!.answers as Array<{ item: string; value: number }>).map((a) => [a.item, a.value]).sort(),
      [
        [ITEMS[0], 4],
        [ITEMS[1], 2],
      ].sort(),
    );
    assert.equal(attempt!.position?.item, ITEMS[2], 'the position reaches the server on its own');
  });

  it('a copy left on the device by another account is not shown to the next one, online or offline', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    page = await context.newPage();
    const first = await adult('Арман');
    await logInFromTests(page, first);
    await page.goto(RUN('interests'));
    await page.getByRole('radio', { name: kk['test.likert.5.5'], exact: true }).check();
    await page.getByRole('button', { name: kk['test.run.next'], exact: true }).click();
    await savedStatus(page).waitFor();
    const left = await runnerEntries(page);
    const firstAttempt = Number(left['qabilet.runner.current.interests']);
    assert.equal(left['qabilet.runner.user'], String(first.id));

    // The session ends without logging out (it expired, or was ended elsewhere); someone else logs in.
    await context.clearCookies();
    const second = await adult('Бауыржан');
    await logInFromTests(page, second);
    assert.deepEqual(await attemptKeys(page), [], 'logging in removes the copies of another account');

    // A copy there all the same (a log-in by another way): the runner asks the server whose account is in.
    await putEntries(page, left);
    await page.goto(RUN('interests'));
    await page.locator('.runner-question').waitFor();
    await page.getByText(format(kk['test.run.answered'], { n: 0, total: ITEMS.length })).waitFor();
    assert.notEqual(Number(await page.locator('.runner').getAttribute('data-attempt')), firstAttempt);
    assert.ok(!(await attemptKeys(page)).includes(`qabilet.runner.attempt.${firstAttempt}`), 'the other account’s copy is gone');

    // Offline nobody can be asked: the device remembers the second account, so the first one's copy stays hidden.
    // (Put back from the list, where no runner writes its own pointer over it.)
    await page.getByText(kk['test.run.offlineReady']).waitFor({ timeout: 30_000 });
    await page.goto(TESTS_PAGE);
    const { 'qabilet.runner.user': _user, ...copy } = left;
    await putEntries(page, copy);
    await context.setOffline(true);
    assert.ok((await page.goto(RUN('interests')))?.fromServiceWorker(), 'the runner page came from the service worker');
    await page.getByRole('alert').filter({ hasText: kk['test.problem.offline'] }).waitFor();
    assert.equal(await page.locator('.runner-question').count(), 0);
    assert.equal(await page.getByText(format(kk['test.run.answered'], { n: 1, total: ITEMS.length })).count(), 0);
    await context.setOffline(false);
  });

  it('a profession test: extra time, a list put in order by keyboard, timed tasks without going back, two tabs in step', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    page = await context.newPage();
    const user = await adult('Дәурен');
    await logInFromTests(page, user);
    const designer: Definition & { timeLimitSeconds: number } = JSON.parse(
      fs.readFileSync(new URL('../../cms/data/assessments/profession-graphic-designer.json', import.meta.url), 'utf8'),
    );
    const title = designer.title.kk;

    // Half as much time again, chosen with the keyboard.
    await tabTo(page, page.getByRole('radio', { name: kk['test.extra.none'] }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.getByRole('radio', { name: format(kk['test.extra.option'], { percent: 50 }) }).isChecked());
    await tabTo(page, page.getByRole('button', { name: kk['test.extra.save'] }));
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: format(kk['test.extra.saved'], { percent: 50 }) })
      .waitFor();
    const card = page.locator('.test-card').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    await card.getByText(format(kk['test.list.limitExtra'], { minutes: 20, scaled: 30 })).waitFor();

    await card.getByRole('link', { name: `${kk['test.list.start']}: ${title}` }).click();
    await page.locator('.runner-question').waitFor();
    assert.match(String(await page.locator('.runner-bar [role=timer]').textContent()), /: (29:[0-5]\d|30:00)$/);
    const second = await context.newPage();
    await second.goto(page.url());
    await second.locator('.runner-question').waitFor();
    await page.bringToFront(); // a tab in the background barely runs

    for (let i = 0; i < 6; i++) {
      await page.getByRole('radio', { name: kk['test.likert.5.4'], exact: true }).check();
      await page.getByRole('button', { name: kk['test.run.next'], exact: true }).click();
    }
    // The other tab sees the answers at once (it stays at its own question).
    await second.getByText(format(kk['test.run.answered'], { n: 6, total: 13 })).waitFor();

    // The ranking: "move down" on the first option, by keyboard; focus follows the option.
    const ranking = page.locator('.runner-ranking li');
    const before = await ranking.allTextContents();
    const firstOption = String(await ranking.first().locator('.runner-option-label').textContent());
    await tabTo(
      page,
      page.getByRole('button', { name: `${kk['test.ranking.downShort']}: ${format(kk['test.ranking.which'], { option: firstOption, position: 1 })}` }),
    );
    await page.keyboard.press('Enter');
    await page.getByText(format(kk['test.ranking.moved'], { option: firstOption, position: 2, total: 4 })).waitFor();
    assert.equal(await ranking.nth(1).locator('.runner-option-label').textContent(), firstOption);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      `${kk['test.ranking.downShort']}: ${format(kk['test.ranking.which'], { option: firstOption, position: 2 })}`,
    );
    assert.notDeepEqual(await ranking.allTextContents(), before);
    assert.deepEqual(await axe(page), []);
    await page.getByRole('button', { name: kk['test.run.next'], exact: true }).click();

    // Timed tasks: a clock of the task's own time with the extra half (30 s → 45 s); no going back.
    await page.getByText(kk['test.run.noBack']).waitFor();
    assert.match(String(await page.locator('.runner-item [role=timer]').textContent()), /: 0:4[0-5]$/);
    await page.locator('.runner-item input[type=radio]').first().check();
    await page.getByRole('button', { name: kk['test.run.next'], exact: true }).click();
    await page.locator('.runner-progress label', { hasText: format(kk['test.run.progress'], { n: 9, total: 13 }) }).waitFor();
    assert.ok(await page.getByRole('button', { name: kk['test.run.back'], exact: true }).isDisabled());
    await page.getByText(kk['test.run.backLocked']).waitFor();
    assert.deepEqual(await axe(page), []);

    await savedStatus(page).waitFor();
    const id = Number(await page.evaluate(() => localStorage.getItem('qabilet.runner.current.profession-graphic-designer')));
    const attempt = (await api().get(`/api/assessment/attempts/${id}`).set('Authorization', `Bearer ${user.jwt}`).expect(200)).body.data;
    assert.equal(attempt.extraTimePercent, 50);
    const answers = new Map((attempt.answers as Array<{ item: string; value: unknown; timeMs: number }>).map((a) => [a.item, a]));
    assert.equal(answers.size, 8);
    assert.equal((answers.get('rank-tasks')!.value as string[])[1], designer.sections[0]!.items[6]!.options[0]!.key);
    assert.equal(answers.get('complementary')!.value, designer.sections[1]!.items[0]!.options[0]!.key);
    assert.ok(
      [...answers.values()].every((a) => a.timeMs > 0),
      'time per item is measured',
    );
  });

  it('the tests page, a runner mid-test and the results pass axe in the strongest visually-impaired view', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl });
    await context.addInitScript(axeSource);
    await context.addCookies([{ name: 'qabilet-vi', value: 'size-200.theme-wb.images-off', url: ctx.siteUrl }]);
    page = await context.newPage();
    const user = await adult('Асхат');
    await logInFromTests(page, user);
    assert.deepEqual(await axe(page), []);

    await page.getByRole('link', { name: `${kk['test.list.start']}: ${TITLE}` }).click();
    await page.locator('.runner-question').waitFor();
    for (let i = 0; i < 6; i++) await answerWithKeys(page, i + 1, (i % 5) + 1);
    await savedStatus(page).waitFor();
    assert.deepEqual(await axe(page), []);

    await page.getByRole('button', { name: kk['test.run.finish'], exact: true }).click();
    await page.getByRole('button', { name: kk['test.finish.anyway'] }).click();
    await page.waitForURL('**/kk/account/results/?attempt=*');
    await page.getByRole('heading', { level: 2, name: kk['results.recommendations.title'] }).waitFor();
    assert.deepEqual(await axe(page), []);

    // Back on the list, the test offers its result and a new attempt; the new result is compared with the first.
    await page.goto(TESTS_PAGE);
    await page.getByRole('link', { name: `${kk['test.list.result']}: ${TITLE}` }).waitFor();
    await page.getByRole('link', { name: `${kk['test.list.again']}: ${TITLE}` }).click();
    await page.locator('.runner-question').waitFor();
    assert.equal(await progress(page), questionAt(1), 'a new attempt starts from the first question');
    for (let i = 0; i < 6; i++) await answerWithKeys(page, i + 1, 5 - (i % 5));
    await page.getByRole('button', { name: kk['test.run.finish'], exact: true }).click();
    await page.getByRole('button', { name: kk['test.finish.anyway'] }).click();
    await page.waitForURL('**/kk/account/results/?attempt=*');
    await page.getByRole('heading', { level: 3, name: kk['results.compare.title'] }).waitFor();
    const changes = await page.locator('.result-compare tbody td:last-child').allTextContents();
    assert.equal(changes.length, 6);
    const pattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{n\\}', '\\d+');
    const words = new RegExp(`^[▲▼=] (${[kk['results.change.up']!, kk['results.change.down']!, kk['results.change.none']!].map(pattern).join('|')})$`);
    for (const change of changes) assert.match(change, words);
    assert.deepEqual(await axe(page), []);
  });
});
