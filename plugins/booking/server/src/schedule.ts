/**
 * Reading what slots are computed from: centres' policies, specialists, their exceptions, the
 * holidays and the occupied cells. Policies and holidays change rarely and are read on every slot
 * query, so each instance keeps them for a few seconds.
 */
import type { Core } from '@strapi/strapi';
import {
  busyFromCells,
  kzInstant,
  addDays,
  type BookingPolicy,
  type Format,
  type ScheduleException,
  type Service,
  type Timings,
  type WorkingHours,
} from '@qabilet/domain';
import { CELLS } from './tables';

export const SPECIALIST = 'plugin::booking.specialist';
export const EXCEPTION = 'plugin::booking.exception';
export const HOLIDAY = 'plugin::booking.holiday';
export const POLICY = 'plugin::booking.policy';
export const BOOKING = 'plugin::booking.booking';

export type CentrePolicy = BookingPolicy & {
  centre: string;
  changeNoticeMinutes: number;
  autoConfirm: boolean;
  maxFuturePerService: number;
  formats: Format[];
  videoBase?: string | null;
};
export type Specialist = {
  id: number;
  documentId: string;
  name: string;
  centre: string;
  services: Service[];
  formats: Format[];
  hours: WorkingHours[];
  timings: Timings;
  active: boolean;
};

const TTL_MS = 10_000;
let cache: { at: number; policies: Map<string, CentrePolicy>; holidays: Set<string> } | undefined;

export function forgetCache(): void {
  cache = undefined;
}

async function cached(strapi: Core.Strapi) {
  if (cache && Date.now() - cache.at < TTL_MS) return cache;
  const [policies, holidays] = await Promise.all([strapi.db.query(POLICY).findMany({}), strapi.db.query(HOLIDAY).findMany({ select: ['date'] })]);
  cache = {
    at: Date.now(),
    policies: new Map(policies.map((p: CentrePolicy) => [p.centre, p])),
    holidays: new Set(holidays.map((h: { date: string }) => h.date)),
  };
  return cache;
}

export const policyOf = async (strapi: Core.Strapi, centre: string): Promise<CentrePolicy | undefined> => (await cached(strapi)).policies.get(centre);
export const allPolicies = async (strapi: Core.Strapi): Promise<CentrePolicy[]> => [...(await cached(strapi)).policies.values()];
export const holidays = async (strapi: Core.Strapi): Promise<Set<string>> => (await cached(strapi)).holidays;

export async function specialistsFor(strapi: Core.Strapi, where: Record<string, unknown>): Promise<Specialist[]> {
  return strapi.db.query(SPECIALIST).findMany({ where: { active: true, ...where }, orderBy: { id: 'asc' } });
}

/** Each specialist's exceptions that touch [from, to]. */
export async function exceptionsOf(strapi: Core.Strapi, ids: number[], from: string, to: string): Promise<Map<number, ScheduleException[]>> {
  const rows = ids.length
    ? await strapi.db.query(EXCEPTION).findMany({
        where: {
          specialist: { id: { $in: ids } },
          $or: [
            { kind: 'extra', date: { $gte: from, $lte: to } },
            { kind: 'closed', from: { $lte: to }, to: { $gte: from } },
          ],
        },
        populate: { specialist: { select: ['id'] } },
      })
    : [];
  const map = new Map<number, ScheduleException[]>(ids.map((id) => [id, []]));
  for (const r of rows)
    map
      .get(r.specialist.id)
      ?.push(r.kind === 'closed' ? { kind: 'closed', from: r.from, to: r.to } : { kind: 'extra', date: r.date, opens: r.opens, closes: r.closes });
  return map;
}

/**
 * The occupied time of each specialist between the local dates `from` and `to`, from the cells;
 * `except` leaves out one booking's own cells (a booking being moved does not stand in its own way).
 */
export async function busyOf(strapi: Core.Strapi, ids: number[], from: string, to: string, except?: number) {
  const first = kzInstant(from, 0).getTime() / 300_000;
  const last = kzInstant(addDays(to, 1), 0).getTime() / 300_000;
  const query = () => {
    const q = strapi.db
      .connection(CELLS)
      .select('specialist_id', 'cell')
      .whereIn('specialist_id', ids)
      .andWhere('cell', '>=', first)
      .andWhere('cell', '<', last);
    return except === undefined ? q : q.andWhereNot('booking_id', except);
  };
  const rows: Array<{ specialist_id: number; cell: number | string }> = ids.length ? await query() : [];
  const byId = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const r of rows) byId.get(Number(r.specialist_id))?.push(Number(r.cell));
  return new Map([...byId].map(([id, cells]) => [id, busyFromCells(cells)]));
}
