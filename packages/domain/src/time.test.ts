import assert from 'node:assert/strict';
import { addDays, isLeapYear, kzInstant, parseDate, parseDateTime, parseOffset, wallClockInstant } from './time.ts';

const iso = (input: unknown) => parseDateTime(input)?.toISOString();

describe('domain: strict dates and date-times', () => {
  it('reads a date-time with its offset to the instant it names', () => {
    assert.equal(iso('2026-02-28T10:00:00+05:00'), '2026-02-28T05:00:00.000Z');
    assert.equal(iso('2026-12-31T23:59:59Z'), '2026-12-31T23:59:59.000Z');
    assert.equal(iso('2026-03-01T00:30-05:30'), '2026-03-01T06:00:00.000Z');
    assert.equal(iso('2026-06-01T12:00:00.5Z'), '2026-06-01T12:00:00.500Z');
    assert.equal(iso('2026-06-01T12:00:00.123456789+00:00'), '2026-06-01T12:00:00.123Z');
    assert.equal(iso('2026-06-01T00:00:00+14:00'), '2026-05-31T10:00:00.000Z');
    assert.equal(iso('2026-06-01T00:00:00-14:00'), '2026-06-01T14:00:00.000Z');
  });

  it('refuses days that do not exist instead of rolling them over', () => {
    assert.equal(parseDateTime('2026-02-30T10:00:00+05:00'), undefined);
    assert.equal(parseDateTime('2026-04-31T10:00:00Z'), undefined);
    assert.equal(parseDateTime('2026-06-31T10:00:00Z'), undefined);
    assert.equal(parseDateTime('2026-13-01T10:00:00Z'), undefined);
    assert.equal(parseDateTime('2026-00-10T10:00:00Z'), undefined);
    assert.equal(parseDateTime('2026-01-00T10:00:00Z'), undefined);
    assert.equal(parseDateTime('2026-01-32T10:00:00Z'), undefined);
  });

  it('knows leap years: 29 February 2028 and 2000 exist, 2027 and 1900 have none', () => {
    assert.equal(parseDateTime('2027-02-29T10:00:00Z'), undefined);
    assert.equal(parseDateTime('1900-02-29T10:00:00Z'), undefined);
    assert.equal(iso('2028-02-29T10:00:00Z'), '2028-02-29T10:00:00.000Z');
    assert.equal(iso('2000-02-29T10:00:00Z'), '2000-02-29T10:00:00.000Z');
    assert.deepEqual([isLeapYear(2024), isLeapYear(2027), isLeapYear(2100), isLeapYear(2400)], [true, false, false, true]);
  });

  it('refuses 24:00, minute 60, a leap second and offsets past ±14:00', () => {
    assert.equal(parseDateTime('2026-05-10T24:00:00Z'), undefined);
    assert.equal(parseDateTime('2026-05-10T24:00Z'), undefined);
    assert.equal(parseDateTime('2026-05-10T23:60:00Z'), undefined);
    assert.equal(parseDateTime('2026-12-31T23:59:60Z'), undefined);
    assert.equal(parseDateTime('2026-05-10T10:00:00+14:01'), undefined);
    assert.equal(parseDateTime('2026-05-10T10:00:00+15:00'), undefined);
    assert.equal(parseDateTime('2026-05-10T10:00:00+05:60'), undefined);
    assert.equal(parseDateTime('2026-05-10T10:00:00-99:99'), undefined);
  });

  it('requires the whole form with an offset: no bare dates, local times, other separators or loose text', () => {
    for (const input of [
      '2026-05-10',
      '2026-05-10T10:00:00',
      '2026-05-10 10:00:00Z',
      '2026-05-10t10:00:00z',
      '2026-05-10T10:00:00+0500',
      '2026-05-10T10:00:00+05',
      '2026-5-10T10:00:00Z',
      '+002026-05-10T10:00:00Z',
      ' 2026-05-10T10:00:00Z',
      '2026-05-10T10:00:00Z ',
      '2026-05-10T1:00:00Z',
      '2026-05-10T10:00:00.Z',
      'Sun May 10 2026 10:00:00 GMT+0500',
      '1778389200000',
      '',
      null,
      1778389200000,
      new Date(),
      {},
    ])
      assert.equal(parseDateTime(input), undefined, String(input));
  });

  it('parses a date the same strict way, and offsets by themselves', () => {
    assert.deepEqual(parseDate('2028-02-29'), { year: 2028, month: 2, day: 29 });
    for (const d of ['2026-02-30', '2026-04-31', '2027-02-29', '2026-2-3', '2026-02-03T00:00Z']) assert.equal(parseDate(d), undefined, d);
    assert.deepEqual(
      [parseOffset('Z'), parseOffset('+05:00'), parseOffset('-03:30'), parseOffset('+0500'), parseOffset('+0500', true), parseOffset('+14:30')],
      [0, 300, -210, undefined, 300, undefined],
    );
    assert.equal(wallClockInstant(2026, 2, 29, 10), undefined);
    assert.equal(wallClockInstant(2026, 2, 28, 24), undefined);
    assert.equal(wallClockInstant(50, 1, 1)?.getUTCFullYear(), 50, 'a year below 100 stays that year');
  });

  it('leaves the helpers built on dates as they were', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(kzInstant('2026-03-01', 0).toISOString(), '2026-02-28T19:00:00.000Z');
  });
});
