/**
 * HTTP handlers. Who acts comes from Strapi's auth (ctx.state.user), never from the body; partners
 * are known by their signatures, assertions and tokens, never by what they say about themselves.
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { levelOf, type KnownScale, type Language, type PartnerEventPage, type PartnerTestView } from '@qabilet/domain';
import { audit, servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import { PartnersError, allowOnly, handle, invalid } from './errors';
import { languageOf, message, type MessageKey } from './messages';
import { launch } from './launches';
import { authorise, lineItemView, score, servicePartner, token, SCOPE_LINEITEM, SCOPE_LINEITEM_READ, SCOPE_SCORE } from './lti';
import { receiveCallback } from './callback';
import { createPartner, partnerView, platformOf, rotateSecret, updatePartner } from './partners';
import { jwks } from './keys';
import { partnerById, partnerOf, type PartnerRow } from './store';
import { EVENTS, LAUNCHES, PARTNERS, json, ms } from './tables';

const userId = (ctx: Context) => (ctx.state as { user: { id: number } }).user.id;
const adminId = (ctx: Context) => (ctx.state as { user: { id: number } }).user.id;
const query = (ctx: Context) => ctx.query as Record<string, unknown>;
const assessment = (strapi: Core.Strapi) => servicesOf<AssessmentServices>(strapi, 'assessment');
const iso = (v: unknown) => (ms(v) === null ? null : new Date(ms(v)!).toISOString());

type EventRow = { id: number; kind: string; outcome: 'ok' | 'refused'; code: string; detail: string | null; at: unknown };

function idParam(ctx: Context): number {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id) || id < 1) throw new PartnersError(404, { code: 'partner.unknown' });
  return id;
}

/** The partner's tests for a person with where they stand: available, started, completed. */
async function testsFor(strapi: Core.Strapi, personKey: string, language: Language): Promise<PartnerTestView[]> {
  const knex = strapi.db.connection;
  const partners = (await knex(PARTNERS).where({ active: true }).whereIn('kind', ['lti', 'callback']).orderBy('name')).map(partnerOf);
  if (!partners.length) return [];
  const ids = partners.map((p) => p.id);
  const launches = await knex(LAUNCHES)
    .where({ person_key: personKey })
    .whereIn('partner_id', ids)
    .orderBy('created_at', 'desc')
    .select('partner_id', 'test_key', 'status', 'created_at', 'expires_at');
  const statements = await knex('assessment_statements')
    .where({ person_key: personKey, source_kind: 'partner' })
    .whereIn('source_id', ids)
    .orderBy('timestamp', 'desc')
    .select('id', 'source_id', 'test_key', 'statement', 'timestamp', 'stored_at');
  const now = Date.now();
  const WEEK = 7 * 24 * 3600_000;
  // A launch still under way: an LTI tool's until its login (five minutes) and then for a week;
  // a signed redirect's for a week (the partner may send the result later).
  const live = (p: PartnerRow, l: Record<string, unknown>) =>
    l.status === 'used'
      ? ms(l.created_at)! > now - WEEK
      : l.status === 'created' && (p.kind === 'lti' ? ms(l.expires_at)! > now : ms(l.created_at)! > now - WEEK);
  const names = new Map((await assessment(strapi)('results').knownScales()).map((s) => [s.key, s.name]));
  return partners.flatMap((p: PartnerRow) =>
    p.tests.map((t): PartnerTestView => {
      const launched = launches.find((l: Record<string, unknown>) => Number(l.partner_id) === p.id && l.test_key === t.key);
      const result = statements.find((s: Record<string, unknown>) => Number(s.source_id) === p.id && s.test_key === t.key);
      const scales = result
        ? (json<{ result: { extensions: Record<string, Array<{ scale: string; score: number }>> } }>(result.statement, { result: { extensions: {} } }).result
            .extensions['https://qabilet.kz/xapi/extensions/scales'] ?? [])
        : [];
      // Started again after the last result came (by our clocks, not the partner's).
      const again = launched && live(p, launched) && launched.status !== 'completed' && (!result || ms(launched.created_at)! > ms(result.stored_at)!);
      return {
        // The query above takes these two kinds only.
        partner: { clientId: p.clientId, name: p.name, kind: p.kind as 'lti' | 'callback' },
        key: t.key,
        title: t.name[language],
        summary: message(language, p.kind === 'lti' ? 'tests.summary.lti' : 'tests.summary.callback', { partner: p.name }),
        status: again ? 'started' : result ? 'completed' : 'available',
        launchedAt: launched ? iso(launched.created_at) : null,
        completedAt: result ? iso(result.timestamp) : null,
        result: result
          ? {
              statementId: result.id,
              completedAt: iso(result.timestamp)!,
              scales: scales.map((s) => ({ scale: s.scale, name: names.get(s.scale)?.[language] ?? s.scale, score: s.score, level: levelOf(s.score) })),
            }
          : null,
      };
    }),
  );
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const noStore = (ctx: Context) => ctx.set('Cache-Control', 'no-store');

  const publicApi = {
    tests: handle(async (ctx) => {
      const problems = allowOnly(query(ctx), ['child', 'locale']);
      if (problems.length) throw invalid(problems);
      const person = await assessment(strapi)('people').own(userId(ctx), query(ctx).child);
      noStore(ctx);
      ctx.body = { data: await testsFor(strapi, person.key, languageOf(ctx)) };
    }),
    launch: handle(async (ctx) => {
      const { url, setCookie } = await launch(strapi, userId(ctx), ctx.request.body, languageOf(ctx));
      // Built by hand: Koa's cookie helper refuses `Secure` behind a proxy it does not trust.
      if (setCookie) ctx.append('Set-Cookie', setCookie);
      noStore(ctx);
      ctx.body = { data: { url } } satisfies { data: { url: string } };
    }),
  };

  const lti = {
    jwks: async (ctx: Context) => {
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = await jwks(strapi);
    },
    auth: async (ctx: Context) => authorise(strapi, ctx, languageOf(ctx)),
    token: async (ctx: Context) => token(strapi, ctx, languageOf(ctx)),
    lineItems: handle(async (ctx) => {
      const partner = await servicePartner(strapi, ctx, [SCOPE_LINEITEM_READ, SCOPE_LINEITEM]);
      ctx.type = 'application/vnd.ims.lis.v2.lineitemcontainer+json';
      ctx.body = partner.tests.map((t) => lineItemView(partner, t));
    }),
    lineItem: handle(async (ctx) => {
      const partner = await servicePartner(strapi, ctx, [SCOPE_LINEITEM_READ, SCOPE_LINEITEM]);
      const test = partner.tests.find((t) => t.key === ctx.params.test);
      if (!test) throw new PartnersError(404, { code: 'ags.lineItem' });
      ctx.type = 'application/vnd.ims.lis.v2.lineitem+json';
      ctx.body = lineItemView(partner, test);
    }),
    score: handle(async (ctx) => {
      const partner = await servicePartner(strapi, ctx, [SCOPE_SCORE]);
      const result = await score(strapi, partner, String(ctx.params.test), await scoreBody(ctx));
      ctx.status = 200;
      ctx.body = { data: result };
    }),
    callback: handle(async (ctx) => {
      ctx.body = { data: await receiveCallback(strapi, ctx) };
    }),
  };

  const admin = {
    list: handle(async (ctx) => {
      const rows = (await strapi.db.connection(PARTNERS).orderBy('name')).map(partnerOf);
      noStore(ctx);
      ctx.body = { data: await Promise.all(rows.map((p) => partnerView(strapi, p))) };
    }),
    create: handle(async (ctx) => {
      const { partner, secret } = await createPartner(strapi, ctx.request.body);
      await audit(strapi, {
        actorType: 'admin',
        actorId: adminId(ctx),
        action: 'partners.partner.create',
        subjectType: 'plugin::partners.partner',
        subjectId: partner.id,
        details: { kind: partner.kind },
      });
      noStore(ctx);
      ctx.status = 201;
      ctx.body = { data: await partnerView(strapi, partner), secret, platform: platformOf(partner) };
    }),
    get: handle(async (ctx) => {
      const partner = await partnerById(strapi, idParam(ctx));
      if (!partner) throw new PartnersError(404, { code: 'partner.unknown' });
      noStore(ctx);
      ctx.body = { data: await partnerView(strapi, partner), platform: platformOf(partner) };
    }),
    update: handle(async (ctx) => {
      const partner = await updatePartner(strapi, idParam(ctx), ctx.request.body);
      await audit(strapi, {
        actorType: 'admin',
        actorId: adminId(ctx),
        action: 'partners.partner.update',
        subjectType: 'plugin::partners.partner',
        subjectId: partner.id,
      });
      ctx.body = { data: await partnerView(strapi, partner), platform: platformOf(partner) };
    }),
    rotate: handle(async (ctx) => {
      const { partner, secret } = await rotateSecret(strapi, idParam(ctx));
      await audit(strapi, {
        actorType: 'admin',
        actorId: adminId(ctx),
        action: 'partners.secret.rotate',
        subjectType: 'plugin::partners.partner',
        subjectId: partner.id,
      });
      noStore(ctx);
      ctx.body = { data: await partnerView(strapi, partner), secret };
    }),
    events: handle(async (ctx) => {
      const partner = await partnerById(strapi, idParam(ctx));
      if (!partner) throw new PartnersError(404, { code: 'partner.unknown' });
      const q = query(ctx);
      const problems = allowOnly(q, ['page', 'pageSize', 'locale', 'outcome']);
      const page = q.page === undefined ? 1 : Number(q.page);
      const pageSize = q.pageSize === undefined ? 20 : Number(q.pageSize);
      if (!Number.isSafeInteger(page) || page < 1 || !Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > 100)
        problems.push({ field: 'page', code: 'page.invalid' });
      if (q.outcome !== undefined && q.outcome !== 'ok' && q.outcome !== 'refused') problems.push({ field: 'outcome', code: 'field.notAllowed' });
      if (problems.length) throw invalid(problems);
      const language = languageOf(ctx);
      const base = () => {
        const b = strapi.db.connection(EVENTS).where({ partner_id: partner.id });
        return q.outcome ? b.where({ outcome: q.outcome }) : b;
      };
      const [rows, total] = await Promise.all([
        base()
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .offset((page - 1) * pageSize)
          .limit(pageSize),
        base().count({ n: '*' }).first(),
      ]);
      noStore(ctx);
      ctx.body = {
        data: rows.map((e: EventRow) => ({
          id: e.id,
          kind: e.kind,
          outcome: e.outcome,
          code: e.code,
          explanation: message(language, e.code as MessageKey),
          detail: e.detail,
          at: iso(e.at)!,
        })),
        meta: { page, pageSize, total: Number(total?.n ?? 0) },
      } satisfies PartnerEventPage;
    }),
    scales: handle(async (ctx) => {
      ctx.body = { data: await assessment(strapi)('results').knownScales() } satisfies { data: KnownScale[] };
    }),
  };

  return { public: publicApi, admin, lti };
};

/** AGS scores come as `application/vnd.ims.lis.v1.score+json`, which the body parser leaves alone. */
async function scoreBody(ctx: Context): Promise<unknown> {
  const parsed = ctx.request.body as unknown;
  if (parsed && typeof parsed === 'object' && Object.keys(parsed).length) return parsed;
  if (!/\+json|\/json/.test(ctx.get('content-type'))) throw invalid({ code: 'body.invalid' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new PartnersError(413, { code: 'body.tooLarge' });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw invalid({ code: 'body.invalid' });
  }
}
