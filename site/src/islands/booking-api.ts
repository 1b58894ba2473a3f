/**
 * The booking plugin's public API (plugins/booking/README.md) as the islands use it, and the one
 * place that turns its failures into the few situations the pages explain to a visitor.
 */
import type {
  AccountView,
  BookingView as Booking,
  Format,
  OfferSlot,
  SlotPage,
  OfferView as Offer,
  Service,
  SlotView as Slot,
  WaitlistView as WaitlistEntry,
} from '@qabilet/domain';
import { api, authed, ApiError, type FieldError } from './api';

export { FORMATS, SERVICES, type Format, type Service } from '@qabilet/domain';

/** A free slot and a booking as the API sends them; `date` and `time` are Kazakhstan's wall clock (Asia/Almaty). */
export type { SlotView as Slot, BookingView as Booking, BookingStatus } from '@qabilet/domain';
export type { SlotPage };
/** What to look for: one centre's slots, or (online only) every centre's. */
export type SlotQuery = { centre?: string; service: Service; format: Format };

/** GET /api/accounts/me (packages/domain/src/account-view.ts); the booking flow reads its consent and children. */
export type { AccountView as Account } from '@qabilet/domain';

/** A centre as the booking form lists it (from the build, so the list needs no request). */
export type CentreOption = { slug: string; name: string; city: string; address: string };

function slotsPath(query: SlotQuery, from: string, to: string): string {
  const params = new URLSearchParams({ service: query.service, format: query.format, from, to });
  if (query.centre) params.set('centre', query.centre);
  return `/api/booking/slots?${params}`;
}

export const listSlots = (query: SlotQuery, from: string, to: string, locale: string) => api.get<SlotPage>(slotsPath(query, from, to), locale);

export const loadAccount = (locale: string) => authed<AccountView>('/api/accounts/me', locale);

export const myBookings = (locale: string) => authed<{ data: Booking[] }>('/api/booking/bookings/mine', locale).then((r) => r.data);

/** Books a slot; the same `key` on a retry returns the booking already made instead of a second one. */
export function bookSlot(body: { slot: string; service: Service; format: Format; child?: string }, key: string, locale: string): Promise<Booking> {
  return authed<{ data: Booking }>('/api/booking/bookings', locale, { method: 'POST', json: body, headers: { 'Idempotency-Key': key } }).then((r) => r.data);
}

export const cancelBooking = (id: string, reason: string, locale: string) =>
  authed<{ data: Booking }>(`/api/booking/bookings/${encodeURIComponent(id)}/cancel`, locale, { method: 'POST', json: reason ? { reason } : {} }).then(
    (r) => r.data,
  );

export const rescheduleBooking = (id: string, slot: string, locale: string) =>
  authed<{ data: Booking }>(`/api/booking/bookings/${encodeURIComponent(id)}/reschedule`, locale, { method: 'POST', json: { slot } }).then((r) => r.data);

/** A fresh Idempotency-Key: one per confirmation attempt, kept for that attempt's retries. */
export function attemptKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages served over plain http (a local network) have getRandomValues but not randomUUID.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What went wrong, in the terms the pages explain: each kind has its own message and way out. */
export type Problem =
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'loggedOut' }
  | { kind: 'consent'; message: string }
  | { kind: 'taken'; message: string; nearest: Slot[] }
  | { kind: 'invalid'; message: string; fields: FieldError[] };

export function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return { kind: typeof navigator !== 'undefined' && !navigator.onLine ? 'offline' : 'unreachable' };
  if (error.status === 401) return { kind: 'loggedOut' };
  if (error.status === 403) return { kind: 'consent', message: error.message };
  if (error.status === 409)
    return { kind: 'taken', message: error.message, nearest: Array.isArray(error.details.nearest) ? (error.details.nearest as Slot[]) : [] };
  if (error.status >= 500) return { kind: 'unreachable' };
  return { kind: 'invalid', message: error.message, fields: error.fields };
}

/** Whether an answer is final (the server decided) or unknown (the request may not have arrived). */
export const isUncertain = (problem: Problem) => problem.kind === 'offline' || problem.kind === 'unreachable';

/** A place on the waitlist (plugins/booking/README.md, "Waitlist") and an offer as its link shows it (packages/domain/src/waitlist-view.ts). */
export type { WaitlistEntry, OfferSlot, Offer };

export function joinWaitlist(
  body: { centre: string; service: Service; format: Format; from: string; to: string; child?: string },
  locale: string,
): Promise<WaitlistEntry> {
  return authed<{ data: WaitlistEntry }>('/api/booking/waitlist', locale, { method: 'POST', json: body }).then((r) => r.data);
}

export const myWaitlist = (locale: string) => authed<{ data: WaitlistEntry[] }>('/api/booking/waitlist/mine', locale).then((r) => r.data);

export const leaveWaitlist = (id: string, locale: string) =>
  authed<{ data: WaitlistEntry }>(`/api/booking/waitlist/${encodeURIComponent(id)}/leave`, locale, { method: 'POST', json: {} }).then((r) => r.data);

/** The offer's token goes in the body only: a URL would put it in servers' logs. */
export const viewOffer = (token: string, locale: string) =>
  authed<{ data: Offer }>('/api/booking/offers/view', locale, { method: 'POST', json: { token } }).then((r) => r.data);
export const acceptOffer = (token: string, locale: string) =>
  authed<{ data: Booking }>('/api/booking/offers/accept', locale, { method: 'POST', json: { token } }).then((r) => r.data);
export const declineOffer = (token: string, locale: string) =>
  authed<{ data: Offer }>('/api/booking/offers/decline', locale, { method: 'POST', json: { token } }).then((r) => r.data);
