/**
 * Free slots for the public: every active specialist of the centre (or of every centre, online)
 * who offers the service and format, through the pure `freeSlots` of packages/domain.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Core } from '@strapi/strapi';
import {
  addDays,
  checkRange,
  encodeSlotId,
  FORMATS,
  type SlotPage,
  type SlotView,
  freeSlots,
  kzDate,
  SERVICES,
  type Format,
  type Service,
} from '@qabilet/domain';
import { BookingError, type Problem } from './errors';
import { allPolicies, busyOf, exceptionsOf, holidays, policyOf, specialistsFor, type CentrePolicy, type Specialist } from './schedule';

export type PublicSlot = SlotView;
export type SlotRequest = { centre?: string; service: Service; format: Format; from: string; to: string };

/** Checks the query of GET /slots field by field; the range against the strictest horizon concerned. */
export async function checkSlotQuery(
  strapi: Core.Strapi,
  query: Record<string, unknown>,
  now: Date,
): Promise<{ request: SlotRequest; policies: CentrePolicy[] }> {
  const problems: Problem[] = [];
  const service = query.service as Service;
  const format = query.format as Format;
  if (!SERVICES.includes(service)) problems.push({ field: 'service', code: 'service.unknown' });
  if (!FORMATS.includes(format)) problems.push({ field: 'format', code: 'format.unknown' });
  let policies: CentrePolicy[] = [];
  const centre = query.centre;
  if (centre === undefined || centre === '') {
    if (format !== 'online') problems.push({ field: 'centre', code: 'centre.required' });
    else policies = (await allPolicies(strapi)).filter((p) => p.formats.includes('online'));
  } else {
    const policy = typeof centre === 'string' ? await policyOf(strapi, centre) : undefined;
    if (!policy) problems.push({ field: 'centre', code: 'centre.unknown' });
    else if (FORMATS.includes(format) && !policy.formats.includes(format)) problems.push({ field: 'format', code: 'format.notOffered' });
    else policies = [policy];
  }
  const horizonDays = policies.length ? Math.max(...policies.map((p) => p.horizonDays)) : 30;
  for (const p of checkRange(query.from, query.to, now, { horizonDays, minNoticeMinutes: 0 }))
    problems.push({ field: p.field, code: p.code, values: { days: horizonDays } });
  // The horizon goes with the refusal, so that a client can ask again within it.
  if (problems.length) throw new BookingError(400, problems, { horizonDays });
  return { request: { centre: centre as string | undefined, service, format, from: query.from as string, to: query.to as string }, policies };
}

/** The free slots of `specialists` (all at centres in `policies`), earliest first. */
export async function slotsOf(
  strapi: Core.Strapi,
  specialists: Specialist[],
  policies: CentrePolicy[],
  service: Service,
  from: string,
  to: string,
  now: Date,
): Promise<PublicSlot[]> {
  const byCentre = new Map(policies.map((p) => [p.centre, p]));
  const ids = specialists.map((s) => s.id);
  const [exceptions, busy, days] = await Promise.all([exceptionsOf(strapi, ids, from, to), busyOf(strapi, ids, from, to), holidays(strapi)]);
  const slots: PublicSlot[] = [];
  for (const s of specialists) {
    const policy = byCentre.get(s.centre);
    const timing = s.timings?.[service];
    if (!policy || !timing) continue;
    for (const slot of freeSlots({
      hours: s.hours,
      exceptions: exceptions.get(s.id) ?? [],
      holidays: days,
      timing,
      policy,
      busy: busy.get(s.id) ?? [],
      now,
      from,
      to,
    })) {
      slots.push({
        id: encodeSlotId(s.id, slot.start),
        start: slot.start.toISOString(),
        end: slot.end.toISOString(),
        date: slot.date,
        time: slot.time,
        centre: s.centre,
        specialist: { name: s.name },
      });
    }
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start) || a.specialist.name.localeCompare(b.specialist.name));
}

const offering = (specialists: Specialist[], service: Service, format: Format) =>
  specialists.filter((s) => s.services?.includes(service) && s.formats?.includes(format));

/**
 * Answers to the same query within a few seconds are served from memory, already serialised and
 * gzipped: a month of a centre (≈300 KB of JSON, 25 KB gzipped) is computed and encoded once, not
 * for every visitor. Any booking change or schedule edit in this instance empties it; another
 * instance's changes show within the TTL — and the database, not this list, decides who gets a slot.
 */
const SLOT_TTL_MS = 3000;
export type SlotAnswer = { at: number; json: Buffer; gzip: Buffer; etag: string };
const answers = new Map<string, SlotAnswer>();
export const forgetSlots = () => answers.clear();

export async function slotAnswer(strapi: Core.Strapi, request: SlotRequest, policies: CentrePolicy[], now: Date): Promise<SlotAnswer> {
  const key = JSON.stringify([request.centre, request.service, request.format, request.from, request.to]);
  const hit = answers.get(key);
  if (hit && now.getTime() - hit.at < SLOT_TTL_MS) return hit;
  const data = await computeSlots(strapi, request, policies, now);
  const meta = { timeZone: 'Asia/Almaty', from: request.from, to: request.to, horizonDays: Math.max(...policies.map((p) => p.horizonDays)) };
  const json = Buffer.from(JSON.stringify({ data, meta } satisfies SlotPage));
  const answer = {
    at: now.getTime(),
    json,
    gzip: zlib.gzipSync(json, { level: 6 }),
    etag: `W/"${crypto.createHash('sha1').update(json).digest('base64url')}"`,
  };
  if (answers.size > 500) answers.clear();
  answers.set(key, answer);
  return answer;
}

async function computeSlots(strapi: Core.Strapi, request: SlotRequest, policies: CentrePolicy[], now: Date): Promise<PublicSlot[]> {
  const where = request.centre ? { centre: request.centre } : { centre: { $in: policies.map((p) => p.centre) } };
  const specialists = offering(await specialistsFor(strapi, where), request.service, request.format);
  return slotsOf(strapi, specialists, policies, request.service, request.from, request.to, now);
}

/** Up to `count` free slots of the same centre, service and format, nearest to `around` first. */
export async function nearestSlots(
  strapi: Core.Strapi,
  centre: string,
  service: Service,
  format: Format,
  around: Date,
  now: Date,
  count = 5,
): Promise<PublicSlot[]> {
  const policy = await policyOf(strapi, centre);
  if (!policy) return [];
  const from = kzDate(around) < kzDate(now) ? kzDate(now) : kzDate(around);
  const slots = await computeSlots(
    strapi,
    { centre, service, format, from: addDays(from, -1) < kzDate(now) ? kzDate(now) : addDays(from, -1), to: addDays(from, 7) },
    [policy],
    now,
  );
  return slots
    .sort((a, b) => Math.abs(Date.parse(a.start) - around.getTime()) - Math.abs(Date.parse(b.start) - around.getTime()))
    .slice(0, count)
    .sort((a, b) => a.start.localeCompare(b.start));
}
