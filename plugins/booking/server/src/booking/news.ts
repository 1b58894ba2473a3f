/** The news of a booking's change, queued for its person in the transaction that makes the change (outbox.ts delivers it). */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isLanguage } from '@qabilet/domain';
import { siteUrl } from '@qabilet/plugin-kit/server';
import type { Language } from '../messages';
import { enqueue, type NewsKind } from '../notify';
import { contactOf, type Contact } from './person';
import { loadBooking, type Row } from './rows';
import { centreNames } from './views';

/** Queues the news of a change to `row` for its user (a parent for a child's booking). */
export async function tell(strapi: Core.Strapi, trx: Knex.Transaction, row: Row, kind: NewsKind, tag: string, reason?: string, known?: Contact) {
  // A caller without an account (a lead the call centre booked for) is told by SMS only.
  const user = row.lead ? null : (known ?? (row.user ? await contactOf(strapi, row.user.id) : null));
  if (!user && !row.lead) return;
  const spoken = user ? user.language : row.lead!.language;
  const language: Language = isLanguage(spoken) ? spoken : 'kk';
  const centre = (await centreNames(strapi, [row.centre], language)).get(row.centre);
  await enqueue(trx, {
    kind,
    tag,
    bookingId: row.id,
    language,
    service: row.service,
    format: row.format,
    start: new Date(row.start),
    centre: { name: centre?.name ?? row.centre, address: centre?.address ?? '', phone: centre?.phone },
    videoLink: row.videoLink,
    childName: row.child?.firstName,
    reason,
    contact: user ? { phone: user.phone, email: user.confirmed ? user.email : null } : { phone: row.lead!.phone, email: null },
    cabinetUrl: `${siteUrl()}/${language}/account/bookings/`,
  });
}

/** Queues the reminder of a booking (once per start time: the outbox's dedupe key sees to it). */
export async function remind(strapi: Core.Strapi, bookingId: number): Promise<void> {
  const row = await loadBooking(strapi, { id: bookingId });
  if (!row || row.status !== 'confirmed') return;
  await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => tell(strapi, trx, row, 'reminder', new Date(row.start).toISOString()));
}
