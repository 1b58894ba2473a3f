import assert from 'node:assert/strict';
import {
  checkPage,
  checkRegistryFilters,
  checkTemplateColumns,
  csvLine,
  mayClose,
  neutralizeCell,
  normalizeKzLine,
  requestNumber,
  serviceOfIvr,
  statusOfBooking,
} from './registry.ts';

describe('domain: the applications registry', () => {
  it('follows a booking’s status and closes only from where it may', () => {
    assert.equal(statusOfBooking('requested'), 'booked');
    assert.equal(statusOfBooking('no_show'), 'no_show');
    assert.ok(mayClose('open', 'no_answer', false));
    assert.ok(!mayClose('booked', 'no_answer', true), 'someone with a booking did answer');
    assert.ok(mayClose('confirmed', 'completed', true));
    assert.ok(!mayClose('booked', 'completed', true), 'not confirmed yet');
    assert.ok(!mayClose('open', 'completed', false), 'nothing was held');
    assert.ok(mayClose('booked', 'cancelled', true));
    for (const closed of ['completed', 'cancelled', 'no_show', 'no_answer'] as const) assert.ok(!mayClose(closed, 'cancelled', false));
  });

  it('reads the list’s filters field by field', () => {
    const ok = checkRegistryFilters({
      status: 'open,booked',
      source: 'site',
      service: 'testing',
      format: 'online',
      centre: 'almaty,east-kazakhstan',
      specialist: '3,4',
      from: '2026-01-01',
      to: '2026-01-31',
      phone: '8 701 123 45 67',
    });
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.filters.status, ['open', 'booked']);
    assert.deepEqual(ok.filters.specialist, [3, 4]);
    const bad = checkRegistryFilters({ status: 'open,lost', source: 'fax', centre: 'Almaty!', specialist: '1,x', from: '2026-02-30', to: '' });
    assert.deepEqual(bad.problems.map((p) => p.field).sort(), ['centre', 'from', 'source', 'specialist', 'status']);
    assert.deepEqual(
      checkRegistryFilters({ from: '2026-02-01', to: '2026-01-01' }).problems.map((p) => p.code),
      ['range.order'],
    );
    assert.deepEqual(checkRegistryFilters({ status: '', centre: '' }).filters, {}, 'empty means any');
  });

  it('pages 1-based, at most 100 a page', () => {
    assert.deepEqual(checkPage({}), { page: 1, pageSize: 25, problems: [] });
    assert.deepEqual(
      checkPage({ page: '0', pageSize: '101' }).problems.map((p) => p.field),
      ['page', 'pageSize'],
    );
    assert.deepEqual(
      checkPage({ page: '2.5' }).problems.map((p) => p.field),
      ['page'],
    );
  });

  it('neutralises cells a spreadsheet would run as formulas, and quotes CSV', () => {
    for (const evil of ['=1+1', '+7 701', '-2', '@SUM(A1)', '\t=1', '\r=1']) assert.equal(neutralizeCell(evil)[0], "'");
    assert.equal(neutralizeCell('Әлия'), 'Әлия');
    assert.equal(csvLine(['a,b', 'say "hi"', '=cmd', 'plain']), `"a,b","say ""hi""",'=cmd,plain`);
    assert.equal(csvLine(['line\nbreak']), '"line\nbreak"');
  });

  it('checks export templates: known columns, once each, headers in three languages', () => {
    const header = { kk: 'Нөмір', ru: 'Номер', en: 'Number' };
    assert.ok(checkTemplateColumns([{ key: 'number', header }]).ok);
    const bad = checkTemplateColumns([
      { key: 'password', header },
      { key: 'number', header: { kk: 'x', ru: '' } },
      { key: 'number', header },
    ]);
    assert.ok(!bad.ok);
    if (!bad.ok)
      assert.deepEqual(
        bad.problems.map((p) => `${p.field}:${p.code}`),
        ['columns.0.key:template.key', 'columns.1.header.ru:template.header', 'columns.1.header.en:template.header', 'columns.2.key:template.repeated'],
      );
    assert.ok(!checkTemplateColumns([]).ok);
    assert.ok(!checkTemplateColumns('number').ok);
  });

  it('reads phone lines, mobile or landline, and the IVR choice', () => {
    assert.equal(normalizeKzLine('+7 7232 57 19 63'), '+77232571963');
    assert.equal(normalizeKzLine('8 (727) 272-45-18'), '+77272724518');
    assert.equal(normalizeKzLine('7019998877'), '+77019998877');
    for (const bad of ['+44 20 7946 0958', '12', '+8 701 123 45 67', 'phone', 42]) assert.equal(normalizeKzLine(bad), undefined, String(bad));
    assert.equal(serviceOfIvr('2'), 'testing');
    assert.equal(serviceOfIvr('consultation'), 'consultation');
    assert.equal(serviceOfIvr('9'), undefined);
    assert.equal(requestNumber(123), 'Q-000123');
  });
});
