import assert from 'node:assert/strict';
import { pathOf, problemOfBody } from '../../packages/plugin-kit/admin/src/problem-body.ts';

/** The admin pages read a refusal in Strapi's error shape, as every plugin's server answers it. */
describe('plugin kit: a refusal as the admin pages read it', () => {
  it('keys each field by its dotted path and keeps the status and the stable code', () => {
    const body = {
      status: 400,
      name: 'ValidationError',
      message: 'Check the hours. Choose a service.',
      details: {
        errors: [
          { path: ['hours', 2, 'opens'], message: 'Check the hours.', code: 'schedule.hours' },
          { path: 'services', message: 'Choose a service.', code: 'schedule.services' },
        ],
        code: 'schedule.hours',
      },
    };
    assert.deepEqual(problemOfBody(body, 'Something went wrong'), {
      message: 'Check the hours. Choose a service.',
      fields: { 'hours.2.opens': 'Check the hours.', services: 'Choose a service.' },
      status: 400,
      code: 'schedule.hours',
    });
  });

  it('reads two different messages of one field one after the other, and the same one once', () => {
    const errors = [
      { path: ['name'], message: 'Too long.' },
      { path: ['name'], message: 'Not allowed.' },
      { path: ['name'], message: 'Not allowed.' },
    ];
    assert.deepEqual(problemOfBody({ message: 'x', details: { errors } }, '').fields, { name: 'Too long. Not allowed.' });
  });

  it('falls back to the page’s own message and the HTTP status when the body says nothing', () => {
    assert.deepEqual(problemOfBody(undefined, 'Could not load.', 502), { message: 'Could not load.', fields: {}, status: 502, code: undefined });
    assert.deepEqual(problemOfBody({ status: 404, message: '' }, 'Not found.', 500), { message: 'Not found.', fields: {}, status: 404, code: undefined });
  });

  it('names a path as the form fields do: a list joined by dots, the body itself as an empty path', () => {
    assert.equal(pathOf(['tests', 0, 'scales', 1, 'to']), 'tests.0.scales.1.to');
    assert.equal(pathOf('phone'), 'phone');
    assert.equal(pathOf([]), '');
    assert.equal(pathOf(undefined), '');
  });
});
