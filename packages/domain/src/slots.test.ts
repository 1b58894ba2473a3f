import assert from 'node:assert/strict';
import { canMove, checkRange, freeSlots, userMayChange, type SlotQuery } from './slots.ts';
import { kzInstant } from './time.ts';

// Monday 30 November 2026, 08:00 in Almaty.
const now = kzInstant('2026-11-30', 8 * 60);
const base: SlotQuery = {
  hours: [
    { day: 'mon', opens: '09:00', closes: '12:00' },
    { day: 'mon', opens: '14:00', closes: '16:00' },
    { day: 'tue', opens: '09:00', closes: '11:00' },
  ],
  exceptions: [],
  holidays: new Set(),
  timing: { slotMinutes: 45, bufferMinutes: 15 },
  policy: { horizonDays: 30, minNoticeMinutes: 60 },
  busy: [],
  now,
  from: '2026-11-30',
  to: '2026-12-01',
};
const times = (q: Partial<SlotQuery>) => freeSlots({ ...base, ...q }).map((s) => `${s.date} ${s.time}`);

describe('domain: free slots', () => {
  it('cuts the working hours into slots with their buffer, in Almaty time', () => {
    assert.deepEqual(times({}), [
      '2026-11-30 09:00',
      '2026-11-30 10:00',
      '2026-11-30 11:00',
      '2026-11-30 14:00',
      '2026-11-30 15:00',
      '2026-12-01 09:00',
      '2026-12-01 10:00',
    ]);
    const [first] = freeSlots(base);
    assert.equal(first!.start.toISOString(), '2026-11-30T04:00:00.000Z');
    assert.equal(first!.end.toISOString(), '2026-11-30T04:45:00.000Z');
  });

  it('keeps the minimum notice: nothing starting within the next hour', () => {
    assert.equal(times({ now: kzInstant('2026-11-30', 9 * 60 + 30) })[0], '2026-11-30 11:00');
  });

  it('leaves out booked time, buffer included', () => {
    const booked = { start: kzInstant('2026-11-30', 10 * 60), end: kzInstant('2026-11-30', 11 * 60) };
    assert.ok(!times({ busy: [booked] }).includes('2026-11-30 10:00'));
    // A booking ending at 10:50 (with its buffer) still blocks the 10:00 slot but not 11:00.
    const short = { start: kzInstant('2026-11-30', 10 * 60 + 20), end: kzInstant('2026-11-30', 10 * 60 + 50) };
    const left = times({ busy: [short] });
    assert.ok(!left.includes('2026-11-30 10:00') && left.includes('2026-11-30 11:00'));
  });

  it('closes holidays and leave, and opens one-off extra hours', () => {
    assert.ok(!times({ holidays: new Set(['2026-12-01']) }).some((t) => t.startsWith('2026-12-01')));
    assert.deepEqual(times({ exceptions: [{ kind: 'closed', from: '2026-11-30', to: '2026-11-30' }] }), ['2026-12-01 09:00', '2026-12-01 10:00']);
    const saturday = times({ from: '2026-12-05', to: '2026-12-05', exceptions: [{ kind: 'extra', date: '2026-12-05', opens: '10:00', closes: '12:00' }] });
    assert.deepEqual(saturday, ['2026-12-05 10:00', '2026-12-05 11:00']);
  });

  it('stops at the horizon and never offers the past', () => {
    assert.deepEqual(times({ from: '2026-11-01', to: '2026-11-29' }), []);
    const far = freeSlots({ ...base, to: '2027-06-01' });
    assert.ok(far.every((s) => s.date <= '2026-12-30'));
  });

  it('refuses bad ranges with the field and the reason', () => {
    const policy = base.policy;
    assert.deepEqual(checkRange('2026-11-31', '2026-12-01', now, policy), [{ field: 'from', code: 'date.malformed' }]);
    assert.deepEqual(checkRange('2026-11-01', '2026-11-20', now, policy), [{ field: 'to', code: 'range.past' }]);
    assert.deepEqual(checkRange('2026-12-05', '2026-12-01', now, policy), [{ field: 'to', code: 'range.order' }]);
    assert.deepEqual(checkRange('2026-12-01', '2027-03-01', now, policy), [{ field: 'to', code: 'range.tooLong' }]);
    assert.deepEqual(checkRange('2026-11-30', '2026-12-30', now, policy), []);
  });

  it('allows only the status changes of the booking life cycle', () => {
    assert.equal(canMove('requested', 'confirmed'), true);
    assert.equal(canMove('confirmed', 'no_show'), true);
    assert.equal(canMove('completed', 'cancelled'), false);
    assert.equal(canMove('cancelled', 'confirmed'), false);
    assert.equal(canMove('requested', 'completed'), false);
  });

  it('lets a user cancel or reschedule only up to the centre’s notice', () => {
    const start = kzInstant('2026-12-01', 9 * 60);
    assert.equal(userMayChange(start, kzInstant('2026-11-30', 8 * 60), 24 * 60), true);
    assert.equal(userMayChange(start, kzInstant('2026-11-30', 10 * 60), 24 * 60), false);
  });
});
