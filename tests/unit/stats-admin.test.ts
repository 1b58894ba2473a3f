import assert from 'node:assert/strict';
import { clock } from '../../plugins/stats/admin/src/utils/format.ts';
import { presetPeriod } from '../../plugins/stats/admin/src/utils/period.ts';

/** What the dashboard's page shows and offers: times as a clock, and the usual periods. */
describe('stats admin: times and periods', () => {
  it('shows seconds as m:ss, and as h:mm:ss from an hour on', () => {
    assert.equal(clock(0), '0:00');
    assert.equal(clock(7.5), '0:08');
    assert.equal(clock(65.4), '1:05');
    assert.equal(clock(3599.6), '1:00:00');
    assert.equal(clock(14_400), '4:00:00');
  });

  it('ends every usual period today, the last twelve months as the server’s default', () => {
    assert.deepEqual(presetPeriod('days30', '2026-12-07'), { from: '2026-11-08', to: '2026-12-07' });
    assert.deepEqual(presetPeriod('months12', '2026-12-07'), { from: '2025-12-08', to: '2026-12-07' });
    assert.deepEqual(presetPeriod('months12', '2024-02-29'), { from: '2023-03-01', to: '2024-02-29' });
    assert.deepEqual(presetPeriod('year', '2026-12-07'), { from: '2026-01-01', to: '2026-12-07' });
  });
});
