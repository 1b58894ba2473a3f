/**
 * What a booking change tells the person: an SMS and an e-mail in their language, naming the
 * centre, its address and the time in Kazakhstan (or the video link). Written to the outbox in the
 * transaction of the change; `dedupe_key` makes a second write of the same news a no-op.
 */
import type { Knex } from 'knex';
import { kzDate, kzTime, type Format, type Service } from '@qabilet/domain';
import { message, type Language } from './messages';
import { OUTBOX } from './tables';

export type NewsKind = 'requested' | 'confirmed' | 'reminder' | 'cancelled' | 'rescheduled' | 'offer';

export type News = {
  kind: NewsKind;
  /** Distinguishes repeated news of one kind about one booking (e.g. the n-th reschedule). */
  tag: string;
  /** The booking; for a waitlist offer, minus the offer's id (the outbox's `booking_id` convention). */
  bookingId: number;
  language: Language;
  service: Service;
  format: Format;
  start: Date;
  centre: { name: string; address: string; phone?: string };
  videoLink?: string | null;
  childName?: string;
  reason?: string;
  contact: { phone?: string | null; email?: string | null };
  cabinetUrl: string;
  /** A waitlist offer: the link that takes or declines it (its token in the fragment) and how long the time is held. */
  offer?: { link: string; minutes: number };
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const dotted = (date: string) => date.split('-').reverse().join('.');

export function compose(news: News) {
  const l = news.language;
  const service = message(l, `service.${news.service}`);
  const when = `${dotted(kzDate(news.start))}, ${kzTime(news.start)}`;
  const place =
    news.format === 'online' && news.videoLink ? message(l, 'notify.online', { link: news.videoLink }) : `${news.centre.name}, ${news.centre.address}`;
  const reason = news.reason ? message(l, 'notify.reason', { reason: news.reason }) : '';
  const values = { service, when, place, reason, link: news.offer?.link ?? '', minutes: news.offer?.minutes ?? 0 };
  const sms = message(l, `notify.${news.kind}.sms`, values);
  const subject = message(l, `notify.${news.kind}.subject`, values);
  const rows: Array<[string, string]> = [
    [message(l, 'notify.when'), `${when} (Asia/Almaty)`],
    [message(l, 'notify.where'), place],
    ...(news.childName ? [[message(l, 'notify.for'), news.childName] as [string, string]] : []),
    ...(news.centre.phone ? [[message(l, 'notify.phone'), news.centre.phone] as [string, string]] : []),
  ];
  const lead = message(l, `notify.${news.kind}.lead`, values) + reason;
  const manage = news.offer ? message(l, 'notify.offer.take', values) : message(l, 'notify.manage', { link: news.cabinetUrl });
  const text = [lead, ...rows.map(([k, v]) => `${k}: ${v}`), manage, message(l, 'notify.signature')].join('\n\n');
  const html = `<!doctype html><html lang="${l}"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5">
<p>${escape(lead)}</p><table role="presentation">${rows.map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding-right:12px">${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')}</table>
<p>${escape(manage)}</p><p>${escape(message(l, 'notify.signature'))}</p></body></html>`;
  return { sms, subject, text, html };
}

/** Queues the news for every channel the person can be reached on. */
export async function enqueue(trx: Knex | Knex.Transaction, news: News, now = Date.now()): Promise<void> {
  const { sms, subject, text, html } = compose(news);
  const rows = [];
  const base = { language: news.language, booking_id: news.bookingId, status: 'pending', attempts: 0, next_at: now, created_at: now };
  if (news.contact.phone)
    rows.push({ ...base, dedupe_key: `b${news.bookingId}:${news.kind}:${news.tag}:sms`, channel: 'sms', recipient: news.contact.phone, body: sms });
  if (news.contact.email)
    rows.push({
      ...base,
      dedupe_key: `b${news.bookingId}:${news.kind}:${news.tag}:email`,
      channel: 'email',
      recipient: news.contact.email,
      subject,
      body: text,
      html,
    });
  if (rows.length) await trx(OUTBOX).insert(rows).onConflict('dedupe_key').ignore();
}
