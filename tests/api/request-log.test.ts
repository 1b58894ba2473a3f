import assert from 'node:assert/strict';
import { ctx } from '../setup/context.ts';
import { api } from './helpers.ts';

describe('logs', () => {
  it('record each request without its query string, so no personal data or code reaches them', async () => {
    const lines: string[] = [];
    const original = ctx.strapi.log.http;
    ctx.strapi.log.http = (line: string) => lines.push(line);
    try {
      await api().get('/api/centres?filters[email][$eq]=person.private@example.kz');
      await api().get('/api/auth/email-confirmation?confirmation=0123456789abcdef0123456789abcdef01234567');
      await api().post('/api/auth/local').send({ identifier: 'person.private@example.kz', password: 'Secret123' });
    } finally {
      ctx.strapi.log.http = original;
    }
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^GET \/api\/centres \(\d+ ms\) \d{3}$/);
    const all = lines.join('\n');
    for (const secret of ['person.private', '0123456789abcdef', 'Secret123']) assert.ok(!all.includes(secret), secret);
  });
});
