/**
 * Factories for the registry's tests: staff members of a role at a centre, logged into the admin,
 * and calls signed as the call centre's telephony signs them.
 */
import crypto from 'node:crypto';
import request from 'supertest';
import { ctx } from '../setup/context.ts';

export type Staff = { id: number; email: string; password: string; token: string; http: ReturnType<typeof staffHttp> };

const staffHttp = (token: string, language = 'en') => ({
  get: (path: string, query: Record<string, unknown> = {}) =>
    request(ctx.cmsUrl)
      .get(path)
      .query(query)
      .set({ Authorization: `Bearer ${token}`, 'Accept-Language': language }),
  post: (path: string, body: unknown = {}) =>
    request(ctx.cmsUrl)
      .post(path)
      .set({ Authorization: `Bearer ${token}`, 'Accept-Language': language })
      .send(body as object),
});

/** An admin user with the role `code` and a staff profile at `centre` (and its region). */
export async function staffMember(code: string, centre?: string, options: { language?: string; withProfile?: boolean } = {}): Promise<Staff> {
  const role = await ctx.strapi.db.query('admin::role').findOne({ where: { code } });
  const email = `${code.replace('qabilet-', '')}.${crypto.randomBytes(4).toString('hex')}@qabilet.example`;
  const password = `Qb1-${crypto.randomBytes(9).toString('base64url')}`;
  const user = await ctx.strapi
    .service('admin::user')
    .create({ email, firstname: 'Test', lastname: code.replace('qabilet-', ''), password, isActive: true, registrationToken: null, roles: [role.id] });
  if (centre && options.withProfile !== false) {
    const row = await ctx.strapi.db.query('api::centre.centre').findOne({ where: { slug: centre, locale: 'kk' }, populate: { region: true } });
    await ctx.strapi
      .documents('api::staff-profile.staff-profile')
      .create({ data: { user: user.id, centre: row.documentId, region: row.region?.documentId, position: code } as never });
  }
  const token = (await request(ctx.cmsUrl).post('/admin/login').send({ email, password }).expect(200)).body.data.token as string;
  return { id: user.id, email, password, token, http: staffHttp(token, options.language) };
}

export type CallEvent = { callId: string; caller: string; line: string; at: string; operator?: string; ivr?: string };

/** A call the telephony would post; each gets its own id. */
export const callEvent = (overrides: Partial<CallEvent> = {}): CallEvent => ({
  callId: `call-${crypto.randomBytes(6).toString('hex')}`,
  caller: `+7707${crypto.randomInt(1e6, 9e6)}`,
  line: '+7 7232 00 00 00',
  at: new Date().toISOString(),
  ...overrides,
});

/** The signature headers over exactly `raw` (HMAC-SHA256 of "<timestamp>.<raw>", as the README shows). */
export function signature(raw: string, options: { secret?: string; timestamp?: number; integration?: string } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const mac = crypto
    .createHmac('sha256', options.secret ?? ctx.callCentreSecret)
    .update(`${timestamp}.${raw}`)
    .digest('hex');
  return { 'X-Qabilet-Integration': options.integration ?? 'telephony', 'X-Qabilet-Timestamp': timestamp, 'X-Qabilet-Signature': `v1=${mac}` };
}

/** Posts a signed call (the raw body given, or the event as JSON). */
export function postCall(
  event: CallEvent | string,
  headers: Record<string, string> = signature(typeof event === 'string' ? event : JSON.stringify(event)),
  language = 'en',
) {
  const raw = typeof event === 'string' ? event : JSON.stringify(event);
  return request(ctx.cmsUrl)
    .post('/api/crm/call-events')
    .set({ 'Content-Type': 'application/json', 'Accept-Language': language, ...headers })
    .send(raw);
}

/** A centre's public number, as its line on the telephony. */
export async function lineOf(centre: string): Promise<string> {
  return (await ctx.strapi.db.query('api::centre.centre').findOne({ where: { slug: centre, locale: 'kk' }, select: ['phone'] })).phone;
}
