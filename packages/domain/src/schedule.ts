/**
 * What a specialist's schedule may hold, checked before it is stored: weekly hours and one-off
 * extra hours on 5-minute boundaries, slot lengths and buffers in 5-minute steps, closed periods
 * with real dates in order. The 5-minute grain is what the database's occupancy cells use.
 */
import { isLocalDate, minutesOf, WEEKDAYS, type Weekday } from './time.ts';
import { SERVICES, type ScheduleException, type Service, type ServiceTiming, type WorkingHours } from './slots.ts';

export const FORMATS = ['offline', 'online'] as const;
export type Format = (typeof FORMATS)[number];
export const GRAIN_MINUTES = 5;

export type Timings = Partial<Record<Service, ServiceTiming>>;
export type ScheduleProblem = {
  field: string;
  code: 'schedule.hours' | 'schedule.timings' | 'schedule.services' | 'schedule.formats' | 'exception.kind' | 'exception.dates' | 'exception.hours';
};

const onGrain = (time: unknown): number | undefined => {
  if (typeof time !== 'string') return undefined;
  const m = minutesOf(time);
  return m !== undefined && m % GRAIN_MINUTES === 0 ? m : undefined;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Opening before closing, both HH:MM (00:00–23:55) on the grain. */
export function isOpening(opens: unknown, closes: unknown): boolean {
  const a = onGrain(opens);
  const b = onGrain(closes);
  return a !== undefined && b !== undefined && a < b;
}

export function checkHours(hours: unknown): { ok: true; value: WorkingHours[] } | { ok: false; problems: ScheduleProblem[] } {
  if (!Array.isArray(hours) || hours.length > 50) return { ok: false, problems: [{ field: 'hours', code: 'schedule.hours' }] };
  const problems: ScheduleProblem[] = [];
  hours.forEach((h, i) => {
    if (!isObject(h) || !(WEEKDAYS as readonly unknown[]).includes(h.day) || !isOpening(h.opens, h.closes))
      problems.push({ field: `hours.${i}`, code: 'schedule.hours' });
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: hours.map((h) => ({ day: h.day as Weekday, opens: h.opens as string, closes: h.closes as string })) };
}

const inSteps = (n: unknown, min: number, max: number): n is number =>
  Number.isInteger(n) && (n as number) >= min && (n as number) <= max && (n as number) % GRAIN_MINUTES === 0;

export function checkTimings(timings: unknown, services: readonly Service[]): { ok: true; value: Timings } | { ok: false; problems: ScheduleProblem[] } {
  if (!isObject(timings)) return { ok: false, problems: [{ field: 'timings', code: 'schedule.timings' }] };
  const problems: ScheduleProblem[] = [];
  const value: Timings = {};
  for (const service of services) {
    const t = timings[service];
    if (!isObject(t) || !inSteps(t.slotMinutes, 10, 240) || !inSteps(t.bufferMinutes, 0, 120))
      problems.push({ field: `timings.${service}`, code: 'schedule.timings' });
    else value[service] = { slotMinutes: t.slotMinutes as number, bufferMinutes: t.bufferMinutes as number };
  }
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

/** A non-empty list of distinct known values. */
export function checkChoice<T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => !allowed.includes(v as T)) || new Set(value).size !== value.length) return undefined;
  return value as T[];
}

export const checkServices = (value: unknown) => checkChoice(value, SERVICES);
export const checkFormats = (value: unknown) => checkChoice(value, FORMATS);

export function checkException(input: unknown): { ok: true; value: ScheduleException & { note?: string } } | { ok: false; problems: ScheduleProblem[] } {
  if (!isObject(input) || (input.kind !== 'closed' && input.kind !== 'extra')) return { ok: false, problems: [{ field: 'kind', code: 'exception.kind' }] };
  const note = typeof input.note === 'string' && input.note.trim() ? input.note.trim().slice(0, 200) : undefined;
  if (input.kind === 'closed') {
    if (!isLocalDate(input.from)) return { ok: false, problems: [{ field: 'from', code: 'exception.dates' }] };
    if (!isLocalDate(input.to) || input.to < input.from) return { ok: false, problems: [{ field: 'to', code: 'exception.dates' }] };
    return { ok: true, value: { kind: 'closed', from: input.from, to: input.to, note } };
  }
  if (!isLocalDate(input.date)) return { ok: false, problems: [{ field: 'date', code: 'exception.dates' }] };
  if (!isOpening(input.opens, input.closes)) return { ok: false, problems: [{ field: 'opens', code: 'exception.hours' }] };
  return { ok: true, value: { kind: 'extra', date: input.date, opens: input.opens as string, closes: input.closes as string, note } };
}

/** A slot's public id: opaque to clients, but only a pointer — the server recomputes whether it is free. */
export function encodeSlotId(specialistId: number, start: Date): string {
  return Buffer.from(`s1:${specialistId}:${start.getTime() / 60_000}`).toString('base64url');
}

export function decodeSlotId(id: unknown): { specialistId: number; start: Date } | undefined {
  if (typeof id !== 'string' || id.length > 40 || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const match = /^s1:(\d{1,9}):(\d{1,10})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  if (!match) return undefined;
  return { specialistId: Number(match[1]), start: new Date(Number(match[2]) * 60_000) };
}

/** The 5-minute cells [start, heldUntil) covers, numbered from the epoch. */
export function cellsOf(start: Date, heldUntil: Date): number[] {
  const first = Math.floor(start.getTime() / 60_000 / GRAIN_MINUTES);
  const last = Math.ceil(heldUntil.getTime() / 60_000 / GRAIN_MINUTES);
  return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
}

/** Occupied cells back to busy intervals, merging neighbours. */
export function busyFromCells(cells: readonly number[]): Array<{ start: Date; end: Date }> {
  const sorted = [...new Set(cells)].sort((a, b) => a - b);
  const busy: Array<{ start: Date; end: Date }> = [];
  let runStart: number | undefined;
  sorted.forEach((cell, i) => {
    runStart ??= cell;
    if (sorted[i + 1] !== cell + 1) {
      busy.push({ start: new Date(runStart * GRAIN_MINUTES * 60_000), end: new Date((cell + 1) * GRAIN_MINUTES * 60_000) });
      runStart = undefined;
    }
  });
  return busy;
}
