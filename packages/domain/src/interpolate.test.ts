import assert from 'node:assert/strict';
import { interpolate } from './interpolate.ts';

describe('interpolate', () => {
  it('fills every placeholder, numbers included', () => {
    assert.equal(interpolate('{n} of {total}, {n} left', { n: 2, total: 5 }), '2 of 5, 2 left');
  });
  it('leaves a placeholder without a value as it is', () => {
    assert.equal(interpolate('Hello {name}', {}), 'Hello {name}');
    assert.equal(interpolate('Hello {name}'), 'Hello {name}');
  });
  it('keeps a zero and an empty string', () => {
    assert.equal(interpolate('[{a}][{b}]', { a: 0, b: '' }), '[0][]');
  });
});
