import assert from 'node:assert/strict';
import { checkReason, readSlotId, slotStanding, staffMoveRefusal, userChangeRefusal, isStaffAction } from './booking-rules.ts';
import { encodeSlotId } from './schedule.ts';
import { kzInstant } from './time.ts';

// Monday 30 November 2026, 08:00 in Almaty; the specialist works 09:00–12:00 on Mondays.
const now = kzInstant('2026-11-30', 8 * 60);
const schedule = {
  hours: [{ day: 'mon' as const, opens: '09:00', closes: '12:00' }],
  exceptions: [],
  holidays: new Set<string>(),
  timing: { slotMinutes: 45, bufferMinutes: 15 },
  policy: { horizonDays: 30, minNoticeMinutes: 60 },
  now,
};
const at = (date: string, hhmm: number) => kzInstant(date, Math.floor(hhmm / 100) * 60 + (hhmm % 100));

describe('domain: booking rules', () => {
  describe('slotStanding', () => {
    it('is free for a slot of the schedule, ahead and not busy', () => {
      assert.equal(slotStanding(schedule, at('2026-11-30', 1000), []), 'free');
    });

    it('is unknown for a time the schedule never cuts (between slots, a day off, a holiday)', () => {
      assert.equal(slotStanding(schedule, at('2026-11-30', 1030), []), 'unknown');
      assert.equal(slotStanding(schedule, at('2026-12-01', 900), []), 'unknown');
      assert.equal(slotStanding({ ...schedule, holidays: new Set(['2026-11-30']) }, at('2026-11-30', 1000), []), 'unknown');
      assert.equal(
        slotStanding({ ...schedule, exceptions: [{ kind: 'closed', from: '2026-11-30', to: '2026-11-30' }] }, at('2026-11-30', 1000), []),
        'unknown',
      );
    });

    it('finds a one-off extra hour', () => {
      const extra = { ...schedule, exceptions: [{ kind: 'extra' as const, date: '2026-12-01', opens: '15:00', closes: '16:00' }] };
      assert.equal(slotStanding(extra, at('2026-12-01', 1500), []), 'free');
    });

    it('is past for a slot of the schedule already gone, within the notice, or beyond the horizon', () => {
      assert.equal(slotStanding({ ...schedule, now: at('2026-11-30', 1100) }, at('2026-11-30', 900), []), 'past');
      assert.equal(slotStanding({ ...schedule, now: at('2026-11-30', 930) }, at('2026-11-30', 1000), []), 'past');
      assert.equal(slotStanding({ ...schedule, policy: { horizonDays: 3, minNoticeMinutes: 60 } }, at('2026-12-07', 900), []), 'past');
    });

    it('is taken when busy time (its buffer included) overlaps the slot or its buffer', () => {
      const booked = { start: at('2026-11-30', 1000), end: at('2026-11-30', 1100) };
      assert.equal(slotStanding(schedule, at('2026-11-30', 1000), [booked]), 'taken');
      const before = { start: at('2026-11-30', 900), end: at('2026-11-30', 1001) };
      assert.equal(slotStanding(schedule, at('2026-11-30', 1000), [before]), 'taken');
      const after = { start: at('2026-11-30', 1100), end: at('2026-11-30', 1200) };
      assert.equal(slotStanding(schedule, at('2026-11-30', 1000), [after]), 'free');
    });

    it('never says taken without busy time', () => {
      for (const hhmm of [900, 1000, 1100]) assert.equal(slotStanding(schedule, at('2026-11-30', hhmm), []), 'free');
    });
  });

  it('readSlotId: the specialist and start, or which problem', () => {
    const start = at('2026-11-30', 1000);
    assert.deepEqual(readSlotId(encodeSlotId(7, start)), { slot: { specialistId: 7, start } });
    assert.deepEqual(readSlotId(undefined), { problem: { field: 'slot', code: 'field.required' } });
    assert.deepEqual(readSlotId('nonsense!'), { problem: { field: 'slot', code: 'slot.unknown' } });
    assert.deepEqual(readSlotId(null), { problem: { field: 'slot', code: 'slot.unknown' } });
  });

  it('checkReason: optional or required, at most 500 characters, trimmed', () => {
    const required = { problem: { field: 'reason', code: 'reason.required' } };
    assert.deepEqual(checkReason(undefined, false), { reason: undefined });
    assert.deepEqual(checkReason('', false), { reason: undefined });
    assert.deepEqual(checkReason('   ', false), { reason: undefined });
    assert.deepEqual(checkReason(' ill ', false), { reason: 'ill' });
    assert.deepEqual(checkReason(null, true), required);
    assert.deepEqual(checkReason('  ', true), required);
    assert.deepEqual(checkReason(42, false), required);
    assert.deepEqual(checkReason('x'.repeat(501), false), { problem: { field: 'reason', code: 'reason.tooLong' } });
    assert.deepEqual(checkReason('x'.repeat(500), true), { reason: 'x'.repeat(500) });
  });

  it('userChangeRefusal: only a live booking, and not within the notice', () => {
    const start = at('2026-12-01', 1000);
    assert.equal(userChangeRefusal('requested', start, now, 24 * 60), undefined);
    assert.equal(userChangeRefusal('confirmed', start, now, 24 * 60), undefined);
    assert.deepEqual(userChangeRefusal('cancelled', start, now, 0), { code: 'booking.final', values: { status: 'cancelled' } });
    assert.deepEqual(userChangeRefusal('confirmed', start, at('2026-11-30', 1100), 24 * 60), { code: 'booking.tooLate', values: { hours: 24 } });
    assert.deepEqual(userChangeRefusal('confirmed', start, at('2026-12-01', 930), 45), { code: 'booking.tooLate', values: { hours: 0.8 } });
  });

  it('staffMoveRefusal: the moves a status allows, outcomes only once started', () => {
    const start = at('2026-11-30', 1000);
    assert.equal(staffMoveRefusal('requested', 'confirm', start, now), undefined);
    assert.equal(staffMoveRefusal('confirmed', 'cancel', start, now), undefined);
    assert.deepEqual(staffMoveRefusal('requested', 'complete', start, now), { code: 'booking.move', values: { from: 'requested', to: 'completed' } });
    assert.deepEqual(staffMoveRefusal('cancelled', 'confirm', start, now), { code: 'booking.move', values: { from: 'cancelled', to: 'confirmed' } });
    assert.deepEqual(staffMoveRefusal('confirmed', 'no-show', start, now), { code: 'booking.notStarted' });
    assert.equal(staffMoveRefusal('confirmed', 'no-show', start, at('2026-11-30', 1001)), undefined);
    assert.equal(isStaffAction('no-show'), true);
    assert.equal(isStaffAction('delete'), false);
  });
});
