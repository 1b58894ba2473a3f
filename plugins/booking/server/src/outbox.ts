/**
 * The outbox worker: delivers queued SMS and e-mails with retries and back-off. Each instance
 * claims a message by a conditional UPDATE (a lease), so with several CMS instances only one
 * delivers it; a message is marked sent right after the provider accepted it. A crash between the
 * two is the one window in which a message could go twice (after the lease expires) — the provider
 * having accepted it but the database not knowing — which is why the lease is long and the
 * marking immediate. Recipients and texts never go to the log.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Mailer } from '@qabilet/email';
import type { SmsSender } from '@qabilet/sms';
import { IDEMPOTENCY, OUTBOX } from './tables';

export type OutboxRow = {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  html: string | null;
  language: string;
  attempts: number;
};

export type Transports = { sms: () => SmsSender | null; mail: () => Mailer };

/** The CMS's own SMS sender and mailer (configured from the environment, one per process). */
const accountTransports = (strapi: Core.Strapi): Transports => {
  const accounts = strapi.service('api::account.account') as unknown as Transports;
  return { sms: () => accounts.sms(), mail: () => accounts.mail() };
};

export const OWNER = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
const LEASE_MS = 120_000;
const MAX_ATTEMPTS = 25;
const retryBaseMs = () => Number(process.env.BOOKING_RETRY_MS ?? 30_000);

/** Back-off after the n-th failed attempt: base × 2^(n−1), at most an hour. */
export const backoff = (attempts: number, base = retryBaseMs()) => Math.min(base * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** Claims up to `limit` due messages for this instance. */
async function claim(strapi: Core.Strapi, now: number, limit: number): Promise<OutboxRow[]> {
  const knex = strapi.db.connection;
  const due = await knex(OUTBOX)
    .select('id')
    .where({ status: 'pending' })
    .andWhere('next_at', '<=', now)
    .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<', now))
    .orderBy('id')
    .limit(limit);
  const claimed: OutboxRow[] = [];
  for (const { id } of due) {
    const taken = await knex(OUTBOX)
      .where({ id, status: 'pending' })
      .andWhere((q) => q.whereNull('lease_until').orWhere('lease_until', '<', now))
      .update({ lease_owner: OWNER, lease_until: now + LEASE_MS });
    if (taken === 1) claimed.push(await knex(OUTBOX).where({ id }).first());
  }
  return claimed;
}

async function deliver(row: OutboxRow, transports: Transports): Promise<'sent' | 'skipped'> {
  if (row.channel === 'sms') {
    const sender = transports.sms();
    if (!sender) return 'skipped';
    await sender.send(row.recipient, row.body);
    return 'sent';
  }
  await transports.mail().send({ to: row.recipient, subject: row.subject ?? '', text: row.body, html: row.html ?? undefined, language: row.language });
  return 'sent';
}

/** One pass: claim what is due and try each once. Returns how many were sent. */
export async function deliverDue(strapi: Core.Strapi, transports: Transports = accountTransports(strapi), now = Date.now()): Promise<number> {
  let sent = 0;
  for (const row of await claim(strapi, now, 20)) {
    const knex = strapi.db.connection;
    try {
      const result = await deliver(row, transports);
      await knex(OUTBOX)
        .where({ id: row.id, lease_owner: OWNER })
        .update({ status: result, sent_at: Date.now(), lease_until: null, attempts: row.attempts + 1, last_error: null });
      if (result === 'sent') sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const code = (error as { code?: string }).code ?? (error as Error).name;
      await knex(OUTBOX)
        .where({ id: row.id, lease_owner: OWNER })
        .update({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          next_at: Date.now() + backoff(attempts),
          lease_until: null,
          last_error: String(code).slice(0, 300),
        });
      // The message id and the error's code only: no recipient, no text.
      strapi.log.warn(`booking outbox: message ${row.id} (${row.channel}) attempt ${attempts} failed: ${code}`);
    }
  }
  return sent;
}

/** Queues the 24-hour reminders of confirmed bookings that were made more than a day ahead. */
export async function queueReminders(strapi: Core.Strapi, remind: (bookingId: number) => Promise<void>, now = new Date()): Promise<number> {
  const soon = new Date(now.getTime() + 24 * 3_600_000);
  const rows = await strapi.db.query('plugin::booking.booking').findMany({
    where: { status: 'confirmed', start: { $gt: now.toISOString(), $lte: soon.toISOString() } },
    select: ['id', 'start', 'createdAt'],
  });
  let queued = 0;
  for (const r of rows) {
    if (new Date(r.start).getTime() - new Date(r.createdAt).getTime() < 25 * 3_600_000) continue;
    await remind(r.id);
    queued++;
  }
  return queued;
}

/**
 * Forgets delivered messages after 30 days (the outbox is not an archive of people's contacts) and
 * idempotency keys after 7 (a client retries within minutes, not weeks).
 */
export async function purgeDelivered(strapi: Core.Strapi, now = Date.now()): Promise<void> {
  await strapi.db
    .connection(OUTBOX)
    .whereIn('status', ['sent', 'skipped', 'failed'])
    .andWhere('created_at', '<', now - 30 * 86_400_000)
    .delete();
  await strapi.db
    .connection(IDEMPOTENCY)
    .where('created_at', '<', now - 7 * 86_400_000)
    .delete();
}
