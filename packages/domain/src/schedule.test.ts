import assert from 'node:assert/strict';
import { busyFromCells, cellsOf, checkException, checkFormats, checkHours, checkServices, checkTimings, decodeSlotId, encodeSlotId } from './schedule.ts';
import { kzInstant } from './time.ts';
import { pickLanguage } from './language.ts';

describe('schedule rules', () => {
  it('takes weekly hours on 5-minute steps, opening before closing', () => {
    assert.deepEqual(
      checkHours([
        { day: 'mon', opens: '09:00', closes: '13:00' },
        { day: 'sat', opens: '10:05', closes: '23:55' },
      ]),
      {
        ok: true,
        value: [
          { day: 'mon', opens: '09:00', closes: '13:00' },
          { day: 'sat', opens: '10:05', closes: '23:55' },
        ],
      },
    );
    assert.equal(checkHours([{ day: 'sun', opens: '20:00', closes: '24:00' }]).ok, false);
    const bad = checkHours([
      { day: 'mon', opens: '13:00', closes: '09:00' },
      { day: 'funday', opens: '09:00', closes: '10:00' },
      { day: 'tue', opens: '09:07', closes: '10:00' },
      'x',
    ]);
    assert.equal(bad.ok, false);
    assert.deepEqual(!bad.ok && bad.problems.map((p) => p.field), ['hours.0', 'hours.1', 'hours.2', 'hours.3']);
    assert.equal(checkHours('09:00-18:00').ok, false);
    assert.equal(checkHours(Array.from({ length: 51 }, () => ({ day: 'mon', opens: '09:00', closes: '10:00' }))).ok, false);
  });

  it('takes slot lengths 10–240 and buffers 0–120 minutes in 5-minute steps, for each service offered', () => {
    assert.deepEqual(checkTimings({ consultation: { slotMinutes: 50, bufferMinutes: 10 }, testing: { slotMinutes: 7, bufferMinutes: 0 } }, ['consultation']), {
      ok: true,
      value: { consultation: { slotMinutes: 50, bufferMinutes: 10 } },
    });
    const bad = checkTimings({ consultation: { slotMinutes: 5, bufferMinutes: 0 }, testing: { slotMinutes: 60, bufferMinutes: 125 } }, [
      'consultation',
      'testing',
    ]);
    assert.deepEqual(!bad.ok && bad.problems.map((p) => p.field), ['timings.consultation', 'timings.testing']);
    assert.equal(checkTimings({}, ['testing']).ok, false);
  });

  it('takes non-empty lists of distinct known services and formats', () => {
    assert.deepEqual(checkServices(['testing', 'consultation']), ['testing', 'consultation']);
    assert.equal(checkServices([]), undefined);
    assert.equal(checkServices(['testing', 'testing']), undefined);
    assert.equal(checkFormats(['offline', 'phone']), undefined);
    assert.deepEqual(checkFormats(['online']), ['online']);
  });

  it('takes closed periods with dates in order and extra hours on a real date', () => {
    assert.deepEqual(checkException({ kind: 'closed', from: '2026-12-28', to: '2027-01-08', note: ' Еңбек демалысы ' }), {
      ok: true,
      value: { kind: 'closed', from: '2026-12-28', to: '2027-01-08', note: 'Еңбек демалысы' },
    });
    assert.equal(checkException({ kind: 'closed', from: '2027-01-08', to: '2026-12-28' }).ok, false);
    assert.equal(checkException({ kind: 'extra', date: '2026-02-30', opens: '10:00', closes: '12:00' }).ok, false);
    assert.equal(checkException({ kind: 'extra', date: '2026-12-05', opens: '12:00', closes: '10:00' }).ok, false);
    assert.equal(checkException({ kind: 'holiday' }).ok, false);
    assert.equal(checkException(null).ok, false);
  });

  it('gives slots opaque ids that point at a specialist and a start, and refuses anything else', () => {
    const start = kzInstant('2026-12-01', 9 * 60);
    const id = encodeSlotId(42, start);
    assert.match(id, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeSlotId(id), { specialistId: 42, start });
    for (const bad of [
      undefined,
      42,
      '',
      'not base64!',
      Buffer.from('s2:42:1').toString('base64url'),
      Buffer.from('s1:x:1').toString('base64url'),
      'a'.repeat(41),
    ])
      assert.equal(decodeSlotId(bad), undefined, String(bad));
  });

  it('turns a booking into 5-minute cells, slot and buffer, and cells back into busy time', () => {
    const start = kzInstant('2026-12-01', 9 * 60);
    const held = new Date(start.getTime() + 60 * 60_000);
    const cells = cellsOf(start, held);
    assert.equal(cells.length, 12);
    assert.equal(cells[1]! - cells[0]!, 1);
    // Two bookings back to back and one later: two busy intervals.
    const later = cellsOf(new Date(held.getTime() + 30 * 60_000), new Date(held.getTime() + 60 * 60_000));
    const busy = busyFromCells([...cells, ...cellsOf(held, new Date(held.getTime() + 15 * 60_000)), ...later]);
    assert.deepEqual(busy, [
      { start, end: new Date(held.getTime() + 15 * 60_000) },
      { start: new Date(held.getTime() + 30 * 60_000), end: new Date(held.getTime() + 60 * 60_000) },
    ]);
    assert.deepEqual(busyFromCells([]), []);
  });
});

describe('language', () => {
  it('takes an explicit language of ours, else the best of Accept-Language, else Kazakh', () => {
    assert.equal(pickLanguage('en', 'ru'), 'ru');
    assert.equal(pickLanguage('de-DE, ru;q=0.8, en;q=0.9'), 'en');
    assert.equal(pickLanguage('ru-RU,ru;q=0.9', 'fr'), 'ru');
    assert.equal(pickLanguage(undefined), 'kk');
    assert.equal(pickLanguage('en;q=0'), 'kk');
  });
});
