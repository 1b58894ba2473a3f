import assert from 'node:assert/strict';
import { normalizeKzMobile } from './phone.ts';

describe('domain: Kazakhstan mobile numbers', () => {
  for (const written of [
    '8 701 123 45 67',
    '+7 (701) 123-45-67',
    '87011234567',
    '+77011234567',
    '7011234567',
    '7 701 123 4567',
    '8(701)1234567',
    ' +7 701 123 45 67 ',
  ]) {
    it(`reads "${written}" as +77011234567`, () => {
      assert.deepEqual(normalizeKzMobile(written), { ok: true, e164: '+77011234567' });
    });
  }
  for (const written of ['8 777 000 11 22', '+7 747 555 66 77', '8 (708) 111-22-33']) {
    it(`accepts the operator code of "${written}"`, () => assert.equal(normalizeKzMobile(written).ok, true));
  }
  const refused: Array<[string, string]> = [
    ['8 727 272 45 18', 'phone.notMobile'], // Almaty landline
    ['+7 495 123 45 67', 'phone.notMobile'], // Moscow
    ['+44 20 7946 0958', 'phone.format'],
    ['701 123 45 6', 'phone.format'],
    ['8 701 123 45 678', 'phone.format'],
    ['+8 701 123 45 67', 'phone.format'],
    ['phone', 'phone.format'],
    ['', 'phone.format'],
    ['8701123456a', 'phone.format'],
  ];
  for (const [written, problem] of refused) {
    it(`refuses "${written}" (${problem})`, () => assert.deepEqual(normalizeKzMobile(written), { ok: false, problem }));
  }
});
