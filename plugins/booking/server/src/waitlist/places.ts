/**
 * A person's places on the waitlist: joining it for a centre, service, format and dates, the list of
 * their places, leaving one. Who acts is the logged-in user; an entry of someone else's answers 404,
 * as one that does not exist.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { checkRange, FORMATS, kzDate, SERVICES, type Format, type Service } from '@qabilet/domain';
import { checkPerson } from '../booking/person';
import { allowOnly, objectBody } from '../booking/request';
import { BookingError, invalid, type Problem } from '../errors';
import { policyOf } from '../schedule';
import { forgetSlots } from '../slots';
import { isUniqueViolation, lockPerson } from '../tables';
import { endOffer, entryPopulate, heldOffers, keyEntry, LIVE_ENTRY, MAX_LIVE_ENTRIES, moveEntry, WAITLIST, type Entry } from '../waitlist-store';
import { sweepAfter } from './sweep';

export async function joinWaitlist(strapi: Core.Strapi, userId: number, input: unknown, now: Date): Promise<Entry> {
  const body = objectBody(input);
  const problems = allowOnly(body, ['centre', 'service', 'format', 'from', 'to', 'child']);
  const service = body.service as Service;
  const format = body.format as Format;
  if (!SERVICES.includes(service)) problems.push({ field: 'service', code: 'service.unknown' });
  if (!FORMATS.includes(format)) problems.push({ field: 'format', code: 'format.unknown' });
  const policy = typeof body.centre === 'string' ? await policyOf(strapi, body.centre) : undefined;
  if (body.centre === undefined || body.centre === '') problems.push({ field: 'centre', code: 'field.required' });
  else if (!policy) problems.push({ field: 'centre', code: 'centre.unknown' });
  else if (FORMATS.includes(format) && !policy.formats.includes(format)) problems.push({ field: 'format', code: 'format.notOffered' });
  const horizonDays = policy?.horizonDays ?? 30;
  const range: Problem[] = checkRange(body.from, body.to, now, { horizonDays, minNoticeMinutes: 0 }).map((p) => ({ ...p, values: { days: horizonDays } }));
  if (!range.some((p) => p.field === 'from') && (body.from as string) < kzDate(now)) range.push({ field: 'from', code: 'range.past' });
  problems.push(...range);
  if (problems.length) throw new BookingError(400, problems, { horizonDays });

  const { child } = await checkPerson(strapi, userId, body.child);
  const duplicate = () => new BookingError(409, { code: 'waitlist.duplicate' });
  let created: Entry;
  try {
    created = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      // Two joins of one person at once count their places one after the other (tables.ts: the person's lock).
      await lockPerson(strapi, trx, userId);
      const live: Array<{ centre: string; service: Service }> = await strapi.db.query(WAITLIST).findMany({
        where: { user: userId, child: child?.id ?? { id: { $null: true } }, status: { $in: LIVE_ENTRY } },
        select: ['centre', 'service'],
      });
      if (live.some((e) => e.centre === body.centre && e.service === service)) throw duplicate();
      if (live.length >= MAX_LIVE_ENTRIES) throw invalid({ code: 'waitlist.limit', values: { count: MAX_LIVE_ENTRIES } });
      const made: Entry = await strapi.db.query(WAITLIST).create({
        data: {
          user: userId,
          child: child?.id ?? null,
          centre: body.centre,
          service,
          format,
          from: body.from,
          to: body.to,
          status: 'waiting',
          history: [{ at: now.toISOString(), by: 'user', actor: userId, action: 'joined', status: 'waiting' }],
        },
      });
      await keyEntry(trx, made.id, userId, child?.id);
      return made;
    });
  } catch (error) {
    // The database's own word on a second live place (the unique index): the same answer.
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  // Time already free is offered at once: the answer may well say `offered`.
  await sweepAfter(strapi, { centre: created.centre, service, format });
  return (await strapi.db.query(WAITLIST).findOne({ where: { id: created.id }, populate: entryPopulate }))!;
}

const isDocumentId = (id: unknown): id is string => typeof id === 'string' && /^[a-z0-9]{10,40}$/.test(id);

export async function myWaitlist(strapi: Core.Strapi, userId: number): Promise<Entry[]> {
  return strapi.db.query(WAITLIST).findMany({ where: { user: userId }, populate: entryPopulate, orderBy: { id: 'desc' }, limit: 100 });
}

export async function leaveWaitlist(strapi: Core.Strapi, userId: number, documentId: unknown, now: Date): Promise<Entry> {
  const entry: Entry | null = isDocumentId(documentId)
    ? await strapi.db.query(WAITLIST).findOne({ where: { documentId, user: userId }, populate: entryPopulate })
    : null;
  if (!entry) throw new BookingError(404, { code: 'waitlist.notFound' });
  const released = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    if (!(await moveEntry(trx, entry.id, LIVE_ENTRY, 'left', { at: now.toISOString(), by: 'user', actor: userId, action: 'left' })))
      throw invalid({ code: 'waitlist.final' });
    let freed = 0;
    for (const offer of await heldOffers(trx, [entry.id])) if (await endOffer(trx, offer.id, 'void')) freed++;
    return freed;
  });
  if (released) {
    forgetSlots();
    await sweepAfter(strapi, { centre: entry.centre });
  }
  return (await strapi.db.query(WAITLIST).findOne({ where: { id: entry.id }, populate: entryPopulate }))!;
}
