import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { SignJWT, generateKeyPair } from 'jose';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { startLtiTool, type LtiTool } from '../../scripts/partners/lti-tool.ts';

type Session = Awaited<ReturnType<typeof confirmedUser>>;
const adult = () => confirmedUser({ birthDate: '1997-05-06', userType: 'student', education: 'university' });
const service = () =>
  ctx.strapi.plugin('partners').service('partners') as {
    create(input: unknown): Promise<{ partner: { id: number; clientId: string; config: { deploymentId: string } }; secret: string | null }>;
  };

/** A browser's part in the redirects, with cookies kept per origin (the tool's state cookie). */
class Browser {
  private jar = new Map<string, Map<string, string>>();
  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'accept-language': 'en',
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    this.keep(url, res.headers.getSetCookie());
    return res;
  }
  /** Keeps the cookies an answer from `url`'s origin set (a cleared one is forgotten). */
  keep(url: string, setCookies: string[]) {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      if (/;\s*Max-Age=0/i.test(c)) cookies.delete(pair!.slice(0, i));
      else cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    this.jar.set(origin, cookies);
  }
  /** The launch cookies this browser holds for the CMS. */
  launchCookies(): Map<string, string> {
    return new Map([...(this.jar.get(new URL(ctx.cmsUrl).origin) ?? [])].filter(([name]) => name.startsWith('qabilet_lti_')));
  }
  /** Follows redirects (GET) until a page answers. */
  async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ res: Response; url: string }> {
    let res = await this.go(url, init);
    let at = url;
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i++) {
      at = new URL(res.headers.get('location')!, at).toString();
      res = await this.go(at);
    }
    return { res, url: at };
  }
}

const formOf = (html: string) => ({
  action: /<form[^>]*action="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, '&'),
  fields: Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])),
});

/** The cabinet's launch call, made by `browser` (which keeps the cookie that binds the launch to it). */
async function launchUrl(user: Session, clientId: string, browser: Browser, test = 'teamwork') {
  const res = await api()
    .post('/api/partners/launches')
    .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' })
    .send({ partner: clientId, test })
    .expect(200);
  browser.keep(ctx.cmsUrl, ([] as string[]).concat(res.headers['set-cookie'] ?? []));
  return res.body.data.url as string;
}

describe('API: an LTI 1.3 tool (ltijs) launched from the cabinet', function () {
  this.timeout(60_000);
  let tool: LtiTool;
  let clientId: string;
  let partnerId: number;

  before(async () => {
    tool = await startLtiTool();
    const { partner, secret } = await service().create({
      kind: 'lti',
      name: 'Teamwork Lab',
      config: { loginUrl: tool.loginUrl, launchUrl: tool.launchUrl, jwksUrl: tool.jwksUrl, share: { name: false, email: false } },
      tests: [{ key: 'teamwork', name: { kk: 'Командалық жұмыс', ru: 'Командная работа', en: 'Teamwork' }, scales: [{ from: 'score', to: 'collaboration' }] }],
    });
    assert.equal(secret, null, 'an LTI tool signs with its own keys: no shared secret');
    clientId = partner.clientId;
    partnerId = partner.id;
    const base = ctx.cmsUrl;
    await tool.register({
      issuer: base,
      clientId,
      authUrl: `${base}/api/partners/lti/auth`,
      tokenUrl: `${base}/api/partners/lti/token`,
      jwksUrl: `${base}/api/partners/jwks`,
    });
  });
  after(async () => tool?.close());

  it('logs in through OIDC, launches, and the score sent by AGS lands on the card marked with its source', async () => {
    const user = await adult();
    const before = await api().get('/api/partners/tests').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    assert.equal(before.body.data.find((t: { key: string }) => t.key === 'teamwork').status, 'available');
    const browser = new Browser();
    // The tool's login answers with a redirect to our authorisation endpoint; we answer with the auto-posted id_token.
    const { res: auth } = await browser.follow(await launchUrl(user, clientId, browser));
    assert.equal(auth.status, 200);
    const html = await auth.text();
    assert.match(auth.headers.get('content-security-policy')!, /form-action http:\/\/127\.0\.0\.1:\d+/);
    const form = formOf(html);
    assert.equal(form.action, tool.launchUrl);
    // Nothing about the person but the pseudonymous subject (the partner may share nothing else).
    const claims = JSON.parse(Buffer.from(form.fields.id_token!.split('.')[1]!, 'base64url').toString());
    assert.match(claims.sub, /^[0-9a-f]{32}$/);
    assert.equal(claims.name, undefined);
    assert.equal(claims.email, undefined);
    const { res: page, url } = await browser.follow(form.action, { method: 'POST', form: form.fields });
    const body = await page.text();
    assert.equal(page.status, 200, `${body} ${tool.lastError()}`);
    assert.match(body, /Teamwork test/);
    const started = await api().get('/api/partners/tests').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    assert.equal(started.body.data.find((t: { key: string }) => t.key === 'teamwork').status, 'started');
    // The tool's own grade service call: client-credentials with its signed assertion, then the score.
    const gradeUrl = new URL(/action="([^"]+)"/.exec(body)![1]!.replace(/&amp;/g, '&'), url).toString();
    const back = await browser.go(gradeUrl, { method: 'POST', form: { points: '15' } });
    assert.equal(back.status, 302, `${await back.text()} ${tool.lastError()}`);
    assert.match(back.headers.get('location')!, new RegExp(`/en/account/tests/\\?partner=${clientId}&test=teamwork$`));
    const profile = (
      await api()
        .get('/api/assessment/profile')
        .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' })
        .expect(200)
    ).body.data;
    const scale = profile.scales.find((s: { scale: string }) => s.scale === 'collaboration');
    assert.equal(scale.score, 75);
    assert.deepEqual(scale.source, { kind: 'partner', name: 'Teamwork Lab' });
    const result = profile.results.find((r: { statementId: string | null }) => r.statementId);
    assert.equal(result.title, 'Teamwork');
    assert.deepEqual(result.source, { kind: 'partner', name: 'Teamwork Lab' });
    const detail = (await api().get(`/api/assessment/statements/${result.statementId}`).set('Authorization', `Bearer ${user.jwt}`).expect(200)).body.data;
    assert.equal(detail.scales[0].score, 75);
    const listed = (
      await api()
        .get('/api/partners/tests')
        .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' })
        .expect(200)
    ).body.data.find((t: { key: string }) => t.key === 'teamwork');
    assert.equal(listed.status, 'completed');
    assert.equal(listed.result.scales[0].score, 75);
    // Another user cannot read it.
    const other = await adult();
    await api().get(`/api/assessment/statements/${result.statementId}`).set('Authorization', `Bearer ${other.jwt}`).expect(404);
    // The launch was single use: its login hint opens nothing a second time.
    const again = await browser.follow(await launchUrl(user, clientId, browser));
    assert.equal(again.res.status, 200);
    const replay = formOf(await again.res.text());
    const hint = new URL(await launchUrl(user, clientId, browser)).searchParams.get('login_hint')!;
    const authUrl = `${ctx.cmsUrl}/api/partners/lti/auth?${new URLSearchParams({ scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: clientId, redirect_uri: tool.launchUrl, login_hint: hint, nonce: 'n1', state: 's1' })}`;
    const cookie = [...browser.launchCookies()].map(([k, v]) => `${k}=${v}`).join('; ');
    assert.equal((await fetch(authUrl, { headers: { cookie } })).status, 200);
    const second = await fetch(authUrl, { headers: { 'accept-language': 'en', cookie } });
    assert.equal(second.status, 400);
    assert.match(await second.text(), /already used or has expired/);
    assert.ok(replay.fields.id_token);
  });

  it("opens a launch only in the browser that started it: its login hint alone, or with another browser's cookie, is refused and the launch waits", async () => {
    const user = await adult();
    const mine = new Browser();
    const launch = await api()
      .post('/api/partners/launches')
      .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' })
      .send({ partner: clientId, test: 'teamwork' })
      .expect(200);
    const url = launch.body.data.url as string;
    const hint = new URL(url).searchParams.get('login_hint')!;
    const [setCookie] = ([] as string[]).concat(launch.headers['set-cookie'] ?? []);
    // httpOnly, only for the authorisation endpoint, Lax (the tool's redirect is a top-level GET), not Secure on http.
    assert.match(setCookie!, /^qabilet_lti_[0-9a-f]{16}=[A-Za-z0-9_-]{43}; Path=\/api\/partners\/lti\/auth; Max-Age=300; HttpOnly; SameSite=Lax$/);
    assert.ok(!setCookie!.includes(hint), 'the cookie is not the hint');
    mine.keep(ctx.cmsUrl, [setCookie!]);
    const [name, secret] = setCookie!.split(';')[0]!.split('=') as [string, string];
    const stored = await ctx.strapi.db.connection('partner_launches').where({ id: hint }).first();
    assert.equal(stored.browser_hash, crypto.createHash('sha256').update(secret).digest('hex'), 'only the hash is kept');
    const status = async () => (await ctx.strapi.db.connection('partner_launches').where({ id: hint }).first('status')).status;

    // The same login URL in a browser without the cookie: the tool's login, then our refusal.
    const stranger = await new Browser().follow(url);
    assert.equal(stranger.res.status, 400);
    assert.match(await stranger.res.text(), /started in another browser/);
    assert.equal(await status(), 'created');
    // Another browser's cookie (its own launch's secret) under this launch's name.
    const other = new Browser();
    await launchUrl(await adult(), clientId, other);
    const foreign = new Browser();
    foreign.keep(ctx.cmsUrl, [`${name}=${[...other.launchCookies().values()][0]}`]);
    const forged = await foreign.follow(url);
    assert.equal(forged.res.status, 400);
    assert.equal(await status(), 'created');
    // A tool that form-posts its login: without the cookie the page re-posts it from our origin
    // (where the Lax cookie travels); re-posted without it, it is refused.
    const fields = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: clientId,
      redirect_uri: tool.launchUrl,
      login_hint: hint,
      lti_message_hint: hint,
      nonce: 'n2',
      state: 's2',
    };
    const bounce = await new Browser().go(`${ctx.cmsUrl}/api/partners/lti/auth`, { method: 'POST', form: fields });
    assert.equal(bounce.status, 200);
    const repost = formOf(await bounce.text());
    assert.equal(repost.action, `${ctx.cmsUrl}/api/partners/lti/auth`);
    assert.equal(repost.fields.login_hint, hint);
    assert.equal((await new Browser().go(repost.action, { method: 'POST', form: repost.fields })).status, 400);
    assert.equal(await status(), 'created');

    // The browser that started it: the launch opens, once, and the cookie is cleared.
    const opened = await mine.follow(url);
    assert.equal(opened.res.status, 200);
    assert.ok(formOf(await opened.res.text()).fields.id_token);
    assert.equal(await status(), 'used');
    assert.equal(mine.launchCookies().get(name), undefined);
    const refused = await ctx.strapi.db.connection('partner_events').where({ partner_id: partnerId, code: 'lti.browser' }).select('detail');
    assert.ok(refused.length >= 3);
    assert.ok(
      refused.every((e: { detail: string | null }) => e.detail === 'test=teamwork'),
      'the log names the test, never the hint',
    );
  });

  it('sets the cookie for the domain the site and the CMS share, and Secure when the CMS is on https', async () => {
    const saved = { SITE_URL: process.env.SITE_URL, PUBLIC_URL: process.env.PUBLIC_URL };
    Object.assign(process.env, { SITE_URL: 'https://qabilet.kz', PUBLIC_URL: 'https://cms.qabilet.kz' });
    try {
      const res = await api()
        .post('/api/partners/launches')
        .set('Authorization', `Bearer ${(await adult()).jwt}`)
        .send({ partner: clientId, test: 'teamwork' })
        .expect(200);
      const [setCookie] = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      assert.match(setCookie!, /; Path=\/api\/partners\/lti\/auth; Max-Age=300; HttpOnly; SameSite=Lax; Domain=qabilet\.kz; Secure$/);
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    const { sharedDomain } = createRequire(import.meta.url)('../../plugins/partners/dist/server/launch-binding.js');
    assert.equal(sharedDomain('www.qabilet.kz', 'cms.qabilet.kz'), 'qabilet.kz');
    // One host (any ports): host-only. Nothing but a top-level domain, or addresses, in common: none.
    for (const [site, cms] of [
      ['qabilet.kz', 'qabilet.kz'],
      ['qabilet.kz', 'cms.example.kz'],
      ['localhost', '127.0.0.1'],
      ['10.0.0.2', '10.0.0.3'],
    ])
      assert.equal(sharedDomain(site, cms), undefined, `${site} ${cms}`);
    // A public suffix is no domain a cookie can be set for: browsers would drop it.
    assert.equal(sharedDomain('qabilet.gov.kz', 'cms-qabilet.gov.kz'), undefined);
    assert.equal(sharedDomain('www.qabilet.gov.kz', 'cms.qabilet.gov.kz'), 'qabilet.gov.kz');
  });

  it('refuses forged assertions, replays, unregistered redirects, strangers and scores out of range', async () => {
    const base = ctx.cmsUrl;
    const user = await adult();
    const hint = new URL(await launchUrl(user, clientId, new Browser())).searchParams.get('login_hint')!;
    const auth = (over: Record<string, string>) =>
      fetch(
        `${base}/api/partners/lti/auth?${new URLSearchParams({ scope: 'openid', response_type: 'id_token', response_mode: 'form_post', prompt: 'none', client_id: clientId, redirect_uri: tool.launchUrl, login_hint: hint, nonce: 'n', state: 's', ...over })}`,
      );
    assert.equal((await auth({ redirect_uri: 'http://127.0.0.1:9/evil' })).status, 400);
    assert.equal((await auth({ client_id: crypto.randomUUID() })).status, 400);
    assert.equal((await auth({ response_type: 'code' })).status, 400);
    // A forged client assertion (signed by a key that is not the tool's).
    const { privateKey } = await generateKeyPair('RS256');
    const assertion = (key = privateKey, jti = crypto.randomUUID()) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(`${base}/api/partners/lti/token`)
        .setJti(jti)
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(key);
    const grant = async (clientAssertion: string, scope = 'https://purl.imsglobal.org/spec/lti-ags/scope/score') =>
      api().post('/api/partners/lti/token').type('form').send({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion,
        scope,
      });
    const forged = await grant(await assertion());
    assert.equal(forged.status, 401);
    assert.equal(forged.body.error, 'invalid_client');
    assert.equal((await grant('not-a-jwt')).status, 400);
    // An access token of ours for this tool (as the token endpoint issues them), to try the score endpoint.
    const { signingKey } = createRequire(import.meta.url)('../../plugins/partners/dist/server/keys.js');
    const { kid, privateKey: ours } = await signingKey(ctx.strapi);
    const access = await new SignJWT({ scope: 'https://purl.imsglobal.org/spec/lti-ags/scope/score' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(base)
      .setAudience(`${base}/api/partners/lti`)
      .setSubject(clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(ours);
    const scoresUrl = `/api/partners/lti/${clientId}/lineitems/teamwork/scores`;
    const post = (body: Record<string, unknown>, token = access) =>
      api()
        .post(scoresUrl)
        .set({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/vnd.ims.lis.v1.score+json', 'Accept-Language': 'en' })
        .send(JSON.stringify(body));
    const valid = {
      userId: crypto.randomBytes(16).toString('hex'),
      scoreGiven: 5,
      scoreMaximum: 10,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: new Date().toISOString(),
    };
    await api().post(scoresUrl).send({ userId: 'x' }).expect(401);
    await post(valid, 'forged.token.here').expect(401);
    const stranger = await post(valid).expect(403);
    assert.equal(stranger.body.error.details.errors[0].path.join('.'), 'userId');
    const out = await post({ ...valid, scoreGiven: 11 }).expect(400);
    assert.deepEqual(
      out.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')),
      ['scoreGiven'],
    );
    await post({ ...valid, activityProgress: 'Done', timestamp: 'yesterday' }).expect(400);
    await api()
      .post(`/api/partners/lti/${clientId}/lineitems/nope/scores`)
      .set({ Authorization: `Bearer ${access}`, 'Content-Type': 'application/vnd.ims.lis.v1.score+json' })
      .send(JSON.stringify(valid))
      .expect(404);
    const lineItems = await api().get(`/api/partners/lti/${clientId}/lineitems`).set('Authorization', `Bearer ${access}`).expect(403);
    assert.equal(lineItems.body.error.details.code, 'ags.scope');
    const before = await ctx.strapi.db.connection('assessment_statements').count({ n: '*' }).first();
    const events = await ctx.strapi.db.connection('partner_events').where({ outcome: 'refused' }).select('code');
    assert.ok(events.some((e: { code: string }) => e.code === 'token.signature'));
    assert.ok(events.some((e: { code: string }) => e.code === 'lti.redirectUri'));
    const after = await ctx.strapi.db.connection('assessment_statements').count({ n: '*' }).first();
    assert.equal(Number(after!.n), Number(before!.n), 'nothing refused was stored');
  });
});
