/**
 * The coordinator's sample checks of the registry of consultations: a random sample of a period's
 * signed entries of their region (drawn with the server's cryptographic randomness, stored with who
 * drew it and when), and a review of each sampled entry (ok, or what needs correcting).
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { drawSample, type JournalReviewVerdict, type JournalSample, type JournalSampleView, type SampleRequest } from '@qabilet/domain';
import { json, ms } from '@qabilet/plugin-kit/server';
import { invalid, TalentError } from '../errors';
import { assertWrites } from '../scope';
import type { Journalist } from './access';
import { itemsOf } from './entries';
import { heldBookings, staffNames } from './sources';
import { ENTRIES, SAMPLE_ENTRIES, SAMPLES } from './tables';

const DAY = 86_400_000;
const startOfAlmatyDay = (day: string) => Date.parse(`${day}T00:00:00+05:00`);
const iso = (v: unknown) => new Date(ms(v) as number).toISOString();
const random = () => crypto.randomInt(0, 2 ** 32) / 2 ** 32;

type SampleRow = { id: number; drawn_by: number; drawn_at: unknown; date_from: string; date_to: string; size: number; regions: string; centres: string };

const sampleNotFound = () => new TalentError(404, { code: 'journal.sample.notFound' });

/** Only a coordinator (of their region's centres) or a super admin (of all) samples and reviews. */
function assertReviewer(j: Journalist): void {
  assertWrites(j);
  if (j.role !== 'coordinator' && j.role !== 'admin') throw new TalentError(403, { code: 'journal.notReviewer' });
}

export async function drawJournalSample(strapi: Core.Strapi, j: Journalist, s: SampleRequest, now = Date.now()): Promise<number> {
  assertReviewer(j);
  const knex = strapi.db.connection;
  const q = knex(ENTRIES)
    .where({ status: 'signed' })
    .where('held_at', '>=', startOfAlmatyDay(s.from))
    .where('held_at', '<', startOfAlmatyDay(s.to) + DAY);
  if (!j.all) q.whereIn('centre', j.centres.length ? j.centres : ['']);
  const signed = (await q.select('booking_id')).map((r: { booking_id: number }) => r.booking_id);
  // Only entries whose consultation the sample's view still shows (completed, with its specialist).
  const shown = signed.length ? new Set((await heldBookings(strapi, { ids: signed }, 1, signed.length)).rows.map((b) => b.id)) : new Set<number>();
  const ids = signed.filter((id) => shown.has(id));
  if (!ids.length) throw invalid({ field: 'from', code: 'journal.sample.empty' });
  const drawn = drawSample(ids, s.size, random);
  return knex.transaction(async (trx) => {
    const [row] = await trx(SAMPLES)
      .insert({
        drawn_by: j.adminId,
        drawn_at: now,
        date_from: s.from,
        date_to: s.to,
        size: drawn.length,
        regions: `,${j.regions.join(',')},`,
        centres: JSON.stringify(j.all ? null : j.centres),
      })
      .returning('id');
    const id = typeof row === 'object' ? (row as { id: number }).id : (row as number);
    await trx(SAMPLE_ENTRIES).insert(drawn.map((booking_id) => ({ sample_id: id, booking_id })));
    return id;
  });
}

/** The samples a staff member sees: a coordinator those drawn for a region of theirs; an admin all. */
function visible(strapi: Core.Strapi, j: Journalist) {
  const q = strapi.db.connection(SAMPLES);
  if (!j.all) q.where((w) => (j.regions.length ? j.regions.forEach((r) => w.orWhere('regions', 'like', `%,${r},%`)) : w.whereRaw('1 = 0')));
  return q;
}

async function summaries(strapi: Core.Strapi, rows: SampleRow[]): Promise<JournalSample[]> {
  const names = await staffNames(
    strapi,
    rows.map((r) => r.drawn_by),
  );
  const counts = (
    rows.length
      ? await strapi.db
          .connection(SAMPLE_ENTRIES)
          .whereIn(
            'sample_id',
            rows.map((r) => r.id),
          )
          .whereNotNull('verdict')
          .groupBy('sample_id')
          .select('sample_id')
          .count({ n: '*' })
      : []
  ) as Array<{ sample_id: number | string; n: number | string }>;
  const reviewed = new Map(counts.map((c) => [Number(c.sample_id), Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    from: r.date_from,
    to: r.date_to,
    size: r.size,
    drawnBy: { id: r.drawn_by, name: names.get(r.drawn_by) ?? '' },
    drawnAt: iso(r.drawn_at),
    reviewed: reviewed.get(r.id) ?? 0,
  }));
}

export async function listSamples(strapi: Core.Strapi, j: Journalist): Promise<JournalSample[]> {
  assertReviewer(j);
  return summaries(strapi, (await visible(strapi, j).orderBy('drawn_at', 'desc').limit(100)) as SampleRow[]);
}

async function sampleInReach(strapi: Core.Strapi, j: Journalist, id: unknown): Promise<SampleRow> {
  assertReviewer(j);
  const n = typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n)) throw sampleNotFound();
  const row = (await visible(strapi, j).where({ id: n }).first()) as SampleRow | undefined;
  if (!row) throw sampleNotFound();
  return row;
}

type ReviewRow = { booking_id: number; verdict: JournalReviewVerdict | null; comment: string | null; reviewed_by: number | null; reviewed_at: unknown };

export async function sampleView(strapi: Core.Strapi, j: Journalist, id: unknown): Promise<JournalSampleView> {
  const row = await sampleInReach(strapi, j, id);
  const [summary] = await summaries(strapi, [row]);
  const reviews = (await strapi.db.connection(SAMPLE_ENTRIES).where({ sample_id: row.id })) as ReviewRow[];
  const { rows: bookings } = await heldBookings(strapi, {
    ids: reviews.map((r) => r.booking_id),
    centres: json<string[] | null>(row.centres, null) ?? undefined,
  });
  const items = await itemsOf(strapi, j, bookings);
  const names = await staffNames(
    strapi,
    reviews.map((r) => r.reviewed_by ?? 0),
  );
  const reviewOf = (bookingId: number) => {
    const r = reviews.find((x) => x.booking_id === bookingId);
    return r?.verdict && r.reviewed_by !== null
      ? { verdict: r.verdict, comment: r.comment ?? '', by: { id: r.reviewed_by, name: names.get(r.reviewed_by) ?? '' }, at: iso(r.reviewed_at) }
      : null;
  };
  return { ...summary!, entries: items.map((item) => ({ ...item, review: reviewOf(item.id) })) };
}

export async function reviewEntry(
  strapi: Core.Strapi,
  j: Journalist,
  sampleId: unknown,
  review: { entryId: number; verdict: JournalReviewVerdict; comment: string },
  now = Date.now(),
): Promise<number> {
  const row = await sampleInReach(strapi, j, sampleId);
  const n = await strapi.db
    .connection(SAMPLE_ENTRIES)
    .where({ sample_id: row.id, booking_id: review.entryId })
    .update({ verdict: review.verdict, comment: review.comment, reviewed_by: j.adminId, reviewed_at: now });
  if (!n) throw invalid({ field: 'entryId', code: 'journal.review.notSampled' });
  return row.id;
}
