/**
 * The person's own progress in the cabinet (issue 19): `GET /api/stats/mine[?child=<documentId>]`
 * answers the logged-in user's diagnostics over time, their repeated diagnostics compared, the
 * recommendations and consultations they received — or those of their own child — and nobody
 * else's. Each view is audited with ids only.
 */
import { audit, grantOnce, routeConfigs, type Part } from '@qabilet/plugin-kit/server';
import { isLanguage } from '@qabilet/domain';
import { allowOnly, handle, invalid } from '../errors';
import { languageOf } from '../messages';
import { ownPerson, progressFor } from './records';

const { user } = routeConfigs('stats');
const USER_ACTIONS = ['plugin::stats.progress.mine'];

const part: Part = {
  name: 'progress',
  async bootstrap(strapi) {
    await grantOnce(strapi, 'stats', USER_ACTIONS);
  },
  contentApi: [['GET /mine', 'mine', user]],
  controllers: (strapi) => ({
    mine: handle(async (ctx) => {
      const query = ctx.query as Record<string, unknown>;
      const unknown = allowOnly(query, ['child', 'locale']);
      if (unknown.length) throw invalid(unknown);
      const userId = (ctx.state.user as { id: number }).id;
      const person = await ownPerson(strapi, userId, query.child);
      const view = await progressFor(strapi, person, isLanguage(query.locale) ? query.locale : languageOf(ctx));
      await audit(strapi, {
        actorType: 'user',
        actorId: userId,
        action: 'stats.progress.view',
        ...(person.childId
          ? { subjectType: 'api::child.child', subjectId: person.childId }
          : { subjectType: 'plugin::users-permissions.user', subjectId: userId }),
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: view };
    }),
  }),
};

export default part;
