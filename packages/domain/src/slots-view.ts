/** What `GET /api/booking/slots` sends (types only): free slots, and the dates and horizon they cover. */
import type { SlotView } from './booking-view.ts';

/** `from`/`to` are the Kazakhstan dates asked for; `horizonDays` how far ahead a booking may be made. */
export type SlotPage = { data: SlotView[]; meta: { timeZone: string; from: string; to: string; horizonDays: number } };
