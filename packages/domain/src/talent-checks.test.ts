import assert from 'node:assert/strict';
import { DEFAULT_TALENT_RULES } from './talent.ts';
import { checkTalentFilters, checkTalentRules } from './talent-checks.ts';

describe('domain: the checks of talents’ rules and filters', () => {
  it('checks new rules field by field over the current ones', () => {
    const ok = checkTalentRules({ threshold: 85, thresholds: { 'soft:creativity': 95 } }, DEFAULT_TALENT_RULES);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual([ok.rules!.threshold, ok.rules!.thresholds, ok.rules!.windowMonths], [85, { 'soft:creativity': 95 }, 24]);
    const bad = checkTalentRules(
      {
        threshold: 30,
        thresholds: { 'x:y': 90, 'soft:creativity': 101 },
        minAnsweredShare: 2,
        acceptUnnormed: 'yes',
        windowMonths: 0,
        confirmGapDays: 1.5,
        extra: 1,
      },
      DEFAULT_TALENT_RULES,
    );
    assert.equal(bad.rules, null);
    assert.deepEqual(bad.problems.map((p) => p.field).sort(), [
      'acceptUnnormed',
      'confirmGapDays',
      'extra',
      'minAnsweredShare',
      'threshold',
      'thresholds.soft:creativity',
      'thresholds.x:y',
      'windowMonths',
    ]);
    assert.deepEqual(checkTalentRules([], DEFAULT_TALENT_RULES).problems, [{ field: 'body', code: 'body.notObject' }]);
  });

  it('checks the registry’s filters', () => {
    const ok = checkTalentFilters({
      domain: 'interest:artistic,profession:software-developer',
      status: 'confirmed',
      strengthMin: '90',
      trend: 'up',
      ageGroup: 'age-12-15',
    });
    assert.deepEqual(ok.problems, []);
    assert.equal(ok.filters.strengthMin, 90);
    const bad = checkTalentFilters({ domain: 'art', status: 'maybe', strengthMin: '101', trend: 'sideways', region: 'kz', ageGroup: 'age-1' });
    assert.deepEqual(bad.problems.map((p) => p.field).sort(), ['ageGroup', 'domain', 'region', 'status', 'strengthMin', 'trend']);
  });
});
