/**
 * The person's own progress in the cabinet (plugin stats, progress part): GET /api/stats/mine
 * answers the logged-in user's diagnostics, repeats compared with the previous result of the test,
 * recommendations and consultations — or their own child's — counted as the records say, and
 * nobody else's.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { ProgressView } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { staffMember } from './crm-helpers.ts';
import { family, heldConsultation, interests, specialistOf, type Session } from './talent-helpers.ts';

const CENTRE = 'east-kazakhstan';

const mine = (user: Session, query: Record<string, string> = {}) =>
  api()
    .get('/api/stats/mine')
    .query(query)
    .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' });

/** An attempt's scale scores as the assessment plugin stored them. */
async function scoresOf(attemptId: number): Promise<Map<string, number>> {
  const row = await ctx.strapi.db.connection('assessment_attempts').where({ id: attemptId }).first('result');
  const result = (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as { score: { scales: Array<{ scale: string; score: number }> } };
  return new Map(result.score.scales.map((s) => [s.scale, s.score]));
}

describe('stats: the person’s own progress', () => {
  let parent: Session, childDoc: string, first: number, second: number;

  before(async () => {
    ({ parent, childDoc } = await family());
    first = await interests(parent, childDoc, ['investigative']);
    second = await interests(parent, childDoc, ['artistic', 'investigative']);
  });

  it('compares the child’s second interests test with the first, scale by scale, as the stored results say', async () => {
    const view: ProgressView = (await mine(parent, { child: childDoc }).expect(200)).body.data;
    assert.deepEqual(
      view.diagnostics.map((d) => [d.test, d.source]),
      [
        ['interests', 'site'],
        ['interests', 'site'],
      ],
    );
    const [before, after] = [await scoresOf(first), await scoresOf(second)];
    assert.deepEqual(Object.fromEntries(view.diagnostics[1]!.scales.map((s) => [s.key, s.score])), Object.fromEntries(before));
    assert.equal(view.repeats.length, 1);
    const repeat = view.repeats[0]!;
    assert.deepEqual([repeat.test, repeat.from, repeat.to], ['interests', view.diagnostics[1]!.at, view.diagnostics[0]!.at]);
    const expected = [...after].map(([key, score]) => {
      const delta = score - before.get(key)!;
      return { key, before: before.get(key), after: score, delta, move: Math.abs(delta) < 1 ? 'same' : delta > 0 ? 'up' : 'down' };
    });
    assert.deepEqual(
      repeat.scales.map(({ name: _name, ...s }) => s),
      expected,
    );
    // The answers moved artistic up and left investigative where it was.
    assert.equal(repeat.scales.find((s) => s.key === 'artistic')!.move, 'up');
    assert.equal(repeat.scales.find((s) => s.key === 'investigative')!.move, 'same');
    assert.ok(
      repeat.scales.every((s) => s.name && s.name !== s.key),
      'scales are named',
    );
    // The child's results are not the parent's.
    const own: ProgressView = (await mine(parent).expect(200)).body.data;
    assert.deepEqual([own.diagnostics, own.repeats], [[], []]);
  });

  it('counts a completed consultation as delivered and a missed one as a no-show, and lists the recommendations received', async () => {
    const staff = await staffMember('qabilet-specialist', CENTRE);
    const specialist = await specialistOf(staff, CENTRE);
    const person = await confirmedUser({ birthDate: '2003-05-20', userType: 'student', education: 'university', phone: `+7701${crypto.randomInt(1e6, 9e6)}` });
    await heldConsultation(staff, specialist, CENTRE, person.jwt, 'complete');
    await heldConsultation(staff, specialist, CENTRE, person.jwt, 'no-show');
    await ctx.strapi.db.connection('assessment_notes').insert({
      person_key: `u:${person.id}`,
      user_id: person.id,
      author_id: staff.id,
      author_name: 'Маман Тест',
      text: 'Try the robotics club',
      professions: '[]',
      created_at: Date.now(),
    });
    const view: ProgressView = (await mine(person).expect(200)).body.data;
    const { list, ...counts } = view.consultations;
    assert.deepEqual(counts, { booked: 2, delivered: 1, noShows: 1 });
    assert.deepEqual(list.map((c) => c.status).sort(), ['completed', 'no_show']);
    assert.ok(
      list.every((c) => c.format === 'offline' && c.centre && c.centre !== CENTRE),
      'the centre is named',
    );
    // The figures are the records': the person's consultation bookings by status.
    const rows = await ctx.strapi.db
      .query('plugin::booking.booking')
      .findMany({ where: { user: { id: person.id }, service: 'consultation' }, select: ['status'] });
    assert.deepEqual(rows.map((r: { status: string }) => r.status).sort(), ['completed', 'no_show']);
    assert.deepEqual(view.recommendations, [{ at: view.recommendations[0]!.at, author: 'Маман Тест', professions: [] }]);
    assert.deepEqual(view.diagnostics, []);
    const audit = await ctx.strapi.db
      .query('api::audit-event.audit-event')
      .findOne({ where: { action: 'stats.progress.view', actorId: String(person.id) }, orderBy: { id: 'desc' } });
    assert.equal(audit.subjectId, String(person.id));
  });

  it('refuses anybody else’s child, an anonymous caller and an unknown query', async () => {
    const stranger = await confirmedUser({ phone: `+7702${crypto.randomInt(1e6, 9e6)}` });
    const refused = await mine(stranger, { child: childDoc }).expect(404);
    assert.equal(refused.body.error.details.code, 'progress.notFound');
    assert.ok(!JSON.stringify(refused.body).includes('interests'));
    await mine(stranger, { child: 'no-such-child' }).expect(404);
    // Strapi answers a caller without a session 403 on a route its public role is not given (as for the card).
    const anonymous = await api().get('/api/stats/mine').query({ child: childDoc }).expect(403);
    assert.equal(anonymous.body.data, null);
    const unknown = await mine(parent, { child: childDoc, user: '1' }).expect(400);
    assert.deepEqual(
      unknown.body.error.details.errors.map((e: { path: string[] }) => e.path),
      [['user']],
    );
  });
});
