/** Clocks and their spoken forms for the runner's timers. */
import { format, type Messages } from '../Form';

/** "4:05", or "1:04:05" past an hour (to the nearest second: a fresh 30-minute limit reads 30:00). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "4 min 5 s" in the page's language (no plural forms to get wrong). */
export function spoken(t: Messages, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (!minutes) return format(t['test.time.seconds'], { seconds });
  if (!seconds) return format(t['test.time.minutes'], { minutes });
  return format(t['test.time.minutesSeconds'], { minutes, seconds });
}

/**
 * When a countdown of `totalMs` is worth announcing: at half time, a minute and ten seconds before
 * the end (those that fall well inside it), never every second.
 */
export function milestones(totalMs: number): number[] {
  const candidates = [Math.round(totalMs / 2 / 1000) * 1000, 60_000, 10_000];
  return [...new Set(candidates.filter((ms) => ms >= 5_000 && ms <= totalMs * 0.8))].sort((a, b) => b - a);
}

/** The milestone crossed between two readings of the remaining time, if any. */
export function crossed(marks: readonly number[], before: number, after: number): number | undefined {
  return marks.find((mark) => before > mark && after <= mark);
}

/** Whole minutes, at least one when there is any time at all (for "12 min" summaries). */
export const minutesOf = (ms: number) => (ms > 0 ? Math.max(1, Math.round(ms / 60_000)) : 0);
