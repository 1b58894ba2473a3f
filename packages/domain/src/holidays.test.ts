import assert from 'node:assert/strict';
import { kazakhstanHolidays } from './holidays.ts';
import { addDays, isLocalDate, kzDate, kzInstant, kzTime, weekdayOf } from './time.ts';

describe('domain: Kazakhstan time', () => {
  it('is UTC+5 all year, with no daylight saving', () => {
    assert.equal(kzInstant('2026-01-15', 9 * 60).toISOString(), '2026-01-15T04:00:00.000Z');
    assert.equal(kzInstant('2026-07-15', 9 * 60).toISOString(), '2026-07-15T04:00:00.000Z');
  });
  it('reads the local date and time of an instant, across midnight UTC', () => {
    const instant = new Date('2026-03-01T20:30:00Z');
    assert.equal(kzDate(instant), '2026-03-02');
    assert.equal(kzTime(instant), '01:30');
  });
  it('knows real dates and weekdays', () => {
    assert.equal(isLocalDate('2026-02-29'), false);
    assert.equal(isLocalDate('2028-02-29'), true);
    assert.equal(isLocalDate('2026-13-01'), false);
    assert.equal(isLocalDate(20260101), false);
    assert.equal(weekdayOf('2026-11-29'), 'sun');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
});

describe('domain: Kazakhstan public holidays', () => {
  const dates = (year: number) => kazakhstanHolidays(year).map((h) => h.date);

  it('has the fixed-date holidays of the law', () => {
    for (const date of [
      '2026-01-01',
      '2026-01-02',
      '2026-01-07',
      '2026-03-08',
      '2026-03-21',
      '2026-03-22',
      '2026-03-23',
      '2026-05-01',
      '2026-05-07',
      '2026-05-09',
      '2026-07-06',
      '2026-08-30',
      '2026-10-25',
      '2026-12-16',
    ]) {
      assert.ok(dates(2026).includes(date), date);
    }
  });
  it('moves a holiday on a weekend to the next working day, two weekend days to two days', () => {
    // Nauryz 2026: 21 March is a Saturday, 22 a Sunday, 23 a Monday → days off also on 24 and 25.
    const moved = kazakhstanHolidays(2026).filter((h) => h.key === 'nauryz' && h.movedFrom);
    assert.deepEqual(
      moved.map((h) => [h.movedFrom, h.date]),
      [
        ['2026-03-21', '2026-03-24'],
        ['2026-03-22', '2026-03-25'],
      ],
    );
    // Women's Day 2026 is a Sunday → Monday 9 March; Constitution Day a Sunday → Monday 31 August.
    assert.ok(kazakhstanHolidays(2026).some((h) => h.movedFrom === '2026-03-08' && h.date === '2026-03-09'));
    assert.ok(kazakhstanHolidays(2026).some((h) => h.movedFrom === '2026-08-30' && h.date === '2026-08-31'));
  });
  it('never moves the religious holidays', () => {
    // Orthodox Christmas 2028 falls on a Friday, 2029 on a Sunday: it stays put.
    assert.ok(!kazakhstanHolidays(2029).some((h) => h.key === 'orthodox-christmas' && h.movedFrom));
  });
  it('includes Kurban Ait for the years it is known', () => {
    assert.ok(dates(2026).includes('2026-05-27'));
    assert.ok(dates(2027).includes('2027-05-16'));
  });
});
