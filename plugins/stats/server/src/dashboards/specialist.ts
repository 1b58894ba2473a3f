/**
 * The specialist's panels, month by month, of their own work at their centre (dim `staff` = their
 * admin id), in one read of the rollups:
 * - consultations: booked (every status but cancelled), delivered (completed) and the share delivered;
 * - noShows: consultations and testing sessions booked, the no-shows among them and their share;
 * - recommendations written; afterTest: consultations booked by people after a finished test;
 * - ratings: not collected yet.
 */
import { share, STATS_SERVICES, type Panel, type SummaryFigure } from '@qabilet/domain';
import { sumRollups, type Sum } from './reads';
import { columns, monthlyPanel, n, notCollected, type Frame } from './view';

const BOOKED = ['requested', 'confirmed', 'completed', 'no_show'];
const booked = (service: string) => BOOKED.map((status) => `booking.${service}.${status}`);
const METRICS = [...STATS_SERVICES.flatMap(booked), 'recommendation', 'booking.afterTest'];

function own(f: Frame, group: Array<'metric' | 'month'>): Promise<Sum[]> {
  const staff = [String(f.scope.adminId)];
  return sumRollups(f.knex, { ...f, slices: METRICS.map((metric) => ({ metric, dim: 'staff', values: staff })), group });
}

const consultations = (sums: Sum[]) => {
  const [b, d] = [n(sums, booked('consultation'), 'staff'), n(sums, 'booking.consultation.completed', 'staff')];
  return { booked: b, delivered: d, share: share(d, b) };
};
const noShows = (sums: Sum[]) => {
  const b = n(sums, STATS_SERVICES.flatMap(booked), 'staff');
  const missed = n(
    sums,
    STATS_SERVICES.map((s) => `booking.${s}.no_show`),
    'staff',
  );
  return { booked: b, noShows: missed, share: share(missed, b) };
};

export async function specialistPanels(f: Frame): Promise<Panel[]> {
  const sums = await own(f, ['metric', 'month']);
  const { count, share: ratio } = columns;
  return [
    monthlyPanel(f, 'consultations', 'bar', [count('booked'), count('delivered'), ratio('share')], sums, consultations),
    monthlyPanel(f, 'noShows', 'bar', [count('booked'), count('noShows'), ratio('share')], sums, noShows),
    monthlyPanel(f, 'recommendations', 'bar', [count('recommendations')], sums, (s) => ({ recommendations: n(s, 'recommendation', 'staff') })),
    monthlyPanel(f, 'afterTest', 'bar', [count('afterTest')], sums, (s) => ({ afterTest: n(s, 'booking.afterTest', 'staff') })),
    notCollected('ratings'),
  ];
}

/** The home page's figures of the specialist. */
export async function specialistSummary(f: Frame): Promise<SummaryFigure[]> {
  const sums = await own(f, ['metric']);
  const c = consultations(sums);
  return [
    { key: 'consultationsBooked', value: c.booked, kind: 'count' },
    { key: 'consultationsDelivered', value: c.delivered, kind: 'count' },
    { key: 'deliveredShare', value: c.share, kind: 'share' },
    { key: 'noShows', value: noShows(sums).noShows, kind: 'count' },
    { key: 'recommendations', value: n(sums, 'recommendation', 'staff'), kind: 'count' },
    { key: 'afterTest', value: n(sums, 'booking.afterTest', 'staff'), kind: 'count' },
  ];
}
