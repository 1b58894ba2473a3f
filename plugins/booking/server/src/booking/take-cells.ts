/**
 * The specialist's time a booking occupies, as 5-minute cells in `booking_cells` (tables.ts): the
 * primary key (specialist, cell) refuses a second holder, which is why a double booking cannot
 * happen however many requests pass the checks at once.
 */
import type { Knex } from 'knex';
import { cellsOf } from '@qabilet/domain';
import { CELLS, isUniqueViolation } from '../tables';

/** Another holder (a booking or a waitlist's hold) has some of the cells: the caller's transaction rolls back. */
export class SlotTaken extends Error {}

/** Takes the cells of [start, heldUntil) — the slot and its buffer — for the booking; SlotTaken when another holder has one. */
export async function takeCells(trx: Knex.Transaction, specialistId: number, bookingId: number, start: Date, heldUntil: Date): Promise<void> {
  const rows = cellsOf(start, heldUntil).map((cell) => ({ specialist_id: specialistId, cell, booking_id: bookingId }));
  try {
    await trx(CELLS).insert(rows);
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlotTaken();
    throw error;
  }
}

/** Frees the cells a booking holds (cancelled, or about to take others), or a waitlist offer's hold (`-offerId`). */
export async function freeCells(trx: Knex.Transaction, bookingId: number): Promise<void> {
  await trx(CELLS).where({ booking_id: bookingId }).delete();
}
