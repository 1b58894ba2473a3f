/**
 * Partners as the admin adds and configures them (README "Adding a partner"): the input checked
 * field by field, the secret made and shown once, and the view the admin reads, with what to give
 * the partner. A new partner is configuration, never code.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import { PartnersError, allowOnly, invalid, type Problem } from './errors';
import { encrypt, newSecret } from './crypto';
import { EVENTS, LAUNCHES, PARTNERS } from './tables';
import type { PartnerAdminView, PartnerPlatform } from '@qabilet/domain';
import { partnerById, publicUrl, type PartnerConfig, type PartnerKind, type PartnerRow, type PartnerTest, type ScaleMap, type Share } from './store';

const KINDS: PartnerKind[] = ['lti', 'callback', 'desktop'];
const LANGUAGES = ['kk', 'ru', 'en'] as const;
const MAX_TESTS = 20;
const MAX_SCALES = 20;
const COLUMN_FIELDS = ['externalId', 'phone', 'email', 'bookingRef', 'test', 'takenAt'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max && !/[\u0000-\u001f]/.test(v);

/** https, or http on this machine (a partner's test server during development and in tests). */
export function isPartnerUrl(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 500) return false;
  try {
    const url = new URL(v);
    if (url.username || url.password || url.hash) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

function checkShare(v: unknown, field: string, problems: Problem[]): Share {
  if (v === undefined) return { name: false, email: false };
  if (!isObject(v) || allowOnly(v, ['name', 'email']).length || !['name', 'email'].every((k) => v[k] === undefined || typeof v[k] === 'boolean')) {
    problems.push({ field, code: 'partner.share' });
    return { name: false, email: false };
  }
  return { name: v.name === true, email: v.email === true };
}

async function checkConfig(strapi: Core.Strapi, kind: PartnerKind, v: unknown, problems: Problem[], previous?: PartnerConfig): Promise<PartnerConfig> {
  if (!isObject(v)) {
    problems.push({ field: 'config', code: 'partner.config' });
    return {} as PartnerConfig;
  }
  if (kind === 'lti') {
    problems.push(...allowOnly(v, ['loginUrl', 'launchUrl', 'redirectUris', 'jwksUrl', 'deploymentId', 'share'], 'config.'));
    for (const f of ['loginUrl', 'launchUrl', 'jwksUrl']) if (!isPartnerUrl(v[f])) problems.push({ field: `config.${f}`, code: 'partner.url' });
    const redirects = v.redirectUris === undefined || (Array.isArray(v.redirectUris) && v.redirectUris.length === 0) ? [v.launchUrl] : v.redirectUris;
    if (!Array.isArray(redirects) || redirects.length > 10) problems.push({ field: 'config.redirectUris', code: 'partner.redirectUris' });
    else
      redirects.forEach((u, i) => {
        if (!isPartnerUrl(u)) problems.push({ field: `config.redirectUris.${i}`, code: 'partner.url' });
      });
    if (v.deploymentId !== undefined && !(typeof v.deploymentId === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(v.deploymentId)))
      problems.push({ field: 'config.deploymentId', code: 'partner.deploymentId' });
    const deploymentId = (v.deploymentId as string | undefined) ?? (previous as { deploymentId?: string } | undefined)?.deploymentId ?? crypto.randomUUID();
    return {
      loginUrl: v.loginUrl as string,
      launchUrl: v.launchUrl as string,
      redirectUris: redirects as string[],
      jwksUrl: v.jwksUrl as string,
      deploymentId,
      share: checkShare(v.share, 'config.share', problems),
    };
  }
  if (kind === 'callback') {
    problems.push(...allowOnly(v, ['share'], 'config.'));
    // The signed redirect's token travels in an address, which must carry no personal data.
    const share = checkShare(v.share, 'config.share', problems);
    if (share.name || share.email) problems.push({ field: 'config.share', code: 'partner.shareInUrl' });
    return { share };
  }
  problems.push(...allowOnly(v, ['centre', 'columns'], 'config.'));
  const centre = typeof v.centre === 'string' ? await strapi.db.query('api::centre.centre').findOne({ where: { slug: v.centre }, select: ['slug'] }) : null;
  if (!centre) problems.push({ field: 'config.centre', code: 'partner.centre' });
  const columns = isObject(v.columns) ? v.columns : {};
  if (!isObject(v.columns)) problems.push({ field: 'config.columns', code: 'partner.columns' });
  else {
    problems.push(...allowOnly(columns, [...COLUMN_FIELDS], 'config.columns.'));
    for (const f of COLUMN_FIELDS)
      if (columns[f] !== undefined && !text(columns[f], 80)) problems.push({ field: `config.columns.${f}`, code: 'partner.column' });
    if (columns.takenAt === undefined) problems.push({ field: 'config.columns.takenAt', code: 'partner.column' });
    if (!['phone', 'email', 'bookingRef'].some((f) => columns[f] !== undefined)) problems.push({ field: 'config.columns.phone', code: 'partner.identifier' });
  }
  return { centre: v.centre as string, columns: columns as { takenAt: string } };
}

function checkScales(kind: PartnerKind, v: unknown, field: string, known: Set<string>, problems: Problem[]): ScaleMap[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_SCALES) {
    problems.push({ field, code: 'partner.scales', values: { max: MAX_SCALES } });
    return [];
  }
  const seen = new Set<string>();
  return v.map((m, i): ScaleMap => {
    const f = `${field}.${i}`;
    if (!isObject(m)) {
      problems.push({ field: f, code: 'partner.scales', values: { max: MAX_SCALES } });
      return { from: '', to: '', min: 0, max: 0 };
    }
    problems.push(...allowOnly(m, ['from', 'to', 'min', 'max'], `${f}.`));
    if (!text(m.from, 80) || (kind === 'lti' && m.from !== 'score'))
      problems.push({ field: `${f}.from`, code: kind === 'lti' ? 'partner.ltiFrom' : 'partner.from' });
    else if (seen.has(String(m.from))) problems.push({ field: `${f}.from`, code: 'partner.fromTwice' });
    seen.add(String(m.from));
    if (typeof m.to !== 'string' || !known.has(m.to)) problems.push({ field: `${f}.to`, code: 'partner.to' });
    const min = kind === 'lti' && m.min === undefined ? 0 : m.min;
    const max = kind === 'lti' && m.max === undefined ? 100 : m.max;
    if (typeof min !== 'number' || !Number.isFinite(min)) problems.push({ field: `${f}.min`, code: 'partner.range' });
    if (typeof max !== 'number' || !Number.isFinite(max) || (typeof min === 'number' && max <= min))
      problems.push({ field: `${f}.max`, code: 'partner.range' });
    return { from: String(m.from ?? '').trim(), to: String(m.to), min: Number(min), max: Number(max) };
  });
}

async function checkTests(strapi: Core.Strapi, kind: PartnerKind, v: unknown, problems: Problem[]): Promise<PartnerTest[]> {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_TESTS) {
    problems.push({ field: 'tests', code: 'partner.tests', values: { max: MAX_TESTS } });
    return [];
  }
  const known = new Set((await servicesOf<AssessmentServices>(strapi, 'assessment')('results').knownScales()).map((s) => s.key));
  const keys = new Set<string>();
  return v.map((t, i): PartnerTest => {
    const f = `tests.${i}`;
    if (!isObject(t)) {
      problems.push({ field: f, code: 'partner.tests', values: { max: MAX_TESTS } });
      return { key: '', name: { kk: '', ru: '', en: '' }, scales: [] };
    }
    problems.push(...allowOnly(t, ['key', 'name', 'url', 'scales'], `${f}.`));
    if (typeof t.key !== 'string' || !/^[a-z0-9-]{2,40}$/.test(t.key)) problems.push({ field: `${f}.key`, code: 'partner.testKey' });
    else if (keys.has(t.key)) problems.push({ field: `${f}.key`, code: 'partner.testKeyTwice' });
    keys.add(String(t.key));
    const name = isObject(t.name) ? t.name : {};
    for (const l of LANGUAGES) if (!text(name[l], 120)) problems.push({ field: `${f}.name.${l}`, code: 'partner.testName' });
    if (kind === 'callback' ? !isPartnerUrl(t.url) : t.url !== undefined && (kind === 'desktop' || !isPartnerUrl(t.url)))
      problems.push({ field: `${f}.url`, code: kind === 'desktop' ? 'field.notAllowed' : 'partner.url' });
    const scales = checkScales(kind, t.scales, `${f}.scales`, known, problems);
    return {
      key: String(t.key),
      name: { kk: String(name.kk ?? '').trim(), ru: String(name.ru ?? '').trim(), en: String(name.en ?? '').trim() },
      ...(t.url !== undefined ? { url: String(t.url) } : {}),
      scales,
    };
  });
}

const secretFor = (kind: PartnerKind) => (kind === 'callback' ? newSecret('qps') : kind === 'desktop' ? newSecret('qpk') : null);

/** `fixed` is for the demo seed only: the demo partners' well-known client ids and the secret kept in cms/.env. */
export async function createPartner(
  strapi: Core.Strapi,
  input: unknown,
  fixed: { clientId?: string; secret?: string } = {},
): Promise<{ partner: PartnerRow; secret: string | null }> {
  if (!isObject(input)) throw invalid({ code: 'body.invalid' });
  const problems: Problem[] = allowOnly(input, ['kind', 'name', 'config', 'tests']);
  const kind = input.kind as PartnerKind;
  if (!KINDS.includes(kind)) throw invalid([...problems, { field: 'kind', code: 'partner.kind' }]);
  if (!text(input.name, 120)) problems.push({ field: 'name', code: 'partner.name' });
  const config = await checkConfig(strapi, kind, input.config, problems);
  const tests = await checkTests(strapi, kind, input.tests, problems);
  if (problems.length) throw invalid(problems);
  const secret = kind === 'lti' ? null : (fixed.secret ?? secretFor(kind));
  const now = Date.now();
  const [row] = await strapi.db
    .connection(PARTNERS)
    .insert({
      client_id: fixed.clientId ?? crypto.randomUUID(),
      kind,
      name: String(input.name).trim(),
      config: JSON.stringify(config),
      tests: JSON.stringify(tests),
      secret_enc: secret ? encrypt(secret) : null,
      secret_hint: secret ? secret.slice(-4) : null,
      active: true,
      created_at: now,
      updated_at: now,
    })
    .returning('id');
  const id = typeof row === 'object' ? (row as { id: number }).id : (row as number);
  return { partner: (await partnerById(strapi, Number(id)))!, secret };
}

export async function updatePartner(strapi: Core.Strapi, id: number, input: unknown): Promise<PartnerRow> {
  const partner = await partnerById(strapi, id);
  if (!partner) throw new PartnersError(404, { code: 'partner.unknown' });
  if (!isObject(input)) throw invalid({ code: 'body.invalid' });
  const problems: Problem[] = allowOnly(input, ['name', 'config', 'tests', 'active']);
  if (input.name !== undefined && !text(input.name, 120)) problems.push({ field: 'name', code: 'partner.name' });
  if (input.active !== undefined && typeof input.active !== 'boolean') problems.push({ field: 'active', code: 'partner.active' });
  const config = input.config === undefined ? partner.config : await checkConfig(strapi, partner.kind, input.config, problems, partner.config);
  const tests = input.tests === undefined ? partner.tests : await checkTests(strapi, partner.kind, input.tests, problems);
  if (problems.length) throw invalid(problems);
  await strapi.db
    .connection(PARTNERS)
    .where({ id })
    .update({
      name: input.name === undefined ? partner.name : String(input.name).trim(),
      config: JSON.stringify(config),
      tests: JSON.stringify(tests),
      active: input.active === undefined ? partner.active : input.active,
      updated_at: Date.now(),
    });
  return (await partnerById(strapi, id))!;
}

/** A new secret, shown once; the old one stops working at once. */
export async function rotateSecret(strapi: Core.Strapi, id: number): Promise<{ partner: PartnerRow; secret: string }> {
  const partner = await partnerById(strapi, id);
  if (!partner) throw new PartnersError(404, { code: 'partner.unknown' });
  const secret = secretFor(partner.kind);
  if (!secret) throw new PartnersError(409, { code: 'partner.noSecret' });
  await strapi.db
    .connection(PARTNERS)
    .where({ id })
    .update({ secret_enc: encrypt(secret), secret_hint: secret.slice(-4), updated_at: Date.now() });
  return { partner: (await partnerById(strapi, id))!, secret };
}

export function platformOf(partner: PartnerRow): PartnerPlatform {
  const base = publicUrl();
  const api = `${base}/api/partners`;
  return {
    issuer: base,
    clientId: partner.clientId,
    deploymentId: partner.kind === 'lti' ? (partner.config as { deploymentId: string }).deploymentId : null,
    authUrl: partner.kind === 'lti' ? `${api}/lti/auth` : null,
    tokenUrl: partner.kind === 'lti' ? `${api}/lti/token` : null,
    jwksUrl: `${api}/jwks`,
    lineItemsUrl: partner.kind === 'lti' ? `${api}/lti/${partner.clientId}/lineitems` : null,
    callbackUrl: partner.kind === 'callback' ? `${api}/callback/${partner.clientId}` : null,
    desktopUrl: partner.kind === 'desktop' ? `${api}/desktop/${partner.clientId}/results` : null,
  };
}

export async function partnerView(strapi: Core.Strapi, partner: PartnerRow): Promise<PartnerAdminView> {
  const knex = strapi.db.connection;
  const [launches, results, refused] = await Promise.all([
    knex(LAUNCHES).where({ partner_id: partner.id }).count({ n: '*' }).first(),
    knex('assessment_statements').where({ source_id: partner.id }).whereIn('source_kind', ['partner', 'desktop']).count({ n: '*' }).first(),
    knex(EVENTS).where({ partner_id: partner.id, outcome: 'refused' }).count({ n: '*' }).first(),
  ]);
  return {
    id: partner.id,
    clientId: partner.clientId,
    kind: partner.kind,
    name: partner.name,
    config: partner.config,
    tests: partner.tests,
    active: partner.active,
    secretHint: partner.secretHint,
    createdAt: new Date(partner.createdAt).toISOString(),
    updatedAt: new Date(partner.updatedAt).toISOString(),
    counts: { launches: Number(launches?.n ?? 0), results: Number(results?.n ?? 0), refused: Number(refused?.n ?? 0) },
  };
}
