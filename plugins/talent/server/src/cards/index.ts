/**
 * The user card (issue 18, R-OUT): everything Qabilet knows and did about one person, assembled
 * from the sections the plugin's parts register (sections.ts). Staff open it from the registry
 * within their scope (the operator gets the limited card); the person, or their parent, reads
 * their own in the cabinet without staff-only notes or the staff's history. Every view is audited.
 */
import type { Core } from '@strapi/strapi';
import { isLanguage, type UserCardView } from '@qabilet/domain';
import { audit, grantOnce, handle, routeConfigs, servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import type { Context } from 'koa';
import type { Part } from '../part';
import { adminOf, can, knownOnly, refuse } from '../admin';
import { invalid, notFound } from '../errors';
import { languageOf } from '../messages';
import { personInScope, talentScope } from '../scope';
import { cardOf } from './card';
import { exportResults } from './export';
import { ownRow } from './records';
import { PERSON_SUBJECT } from './sources';

export { registerCardSection, type CardSectionProvider, type CardContext } from './sections';

const { can: allowed, user } = routeConfigs('talent');
const USER_ACTIONS = ['plugin::talent.cards.mine'];

const contextOf = (ctx: Context) => {
  const locale = (ctx.query as Record<string, unknown>).locale;
  return { language: isLanguage(locale) ? locale : languageOf(ctx), now: new Date() };
};

/** Who saw which sections of whose card: ids and section names only. */
const audited = (strapi: Core.Strapi, actor: { actorType: 'admin' | 'user'; actorId: number }, card: UserCardView) =>
  audit(strapi, {
    ...actor,
    action: 'talent.card.view',
    subjectType: PERSON_SUBJECT,
    subjectId: card.id,
    details: { audience: card.audience, limited: card.limited, sections: card.order },
  });

const part: Part = {
  name: 'cards',
  actions: { card: 'Open the card of a person in the registry (within the role’s scope)' },
  async bootstrap(strapi) {
    await grantOnce(strapi, 'talent', USER_ACTIONS);
  },
  admin: [
    ['GET /people/:id', 'card', allowed('read')],
    ['GET /people/:id/export', 'export', allowed('card')],
  ],
  contentApi: [['GET /cards/mine', 'mine', user]],
  controllers: (strapi) => ({
    card: handle(async (ctx) => {
      refuse(knownOnly(ctx.query as Record<string, unknown>, ['locale']));
      const scope = await talentScope(strapi, adminOf(ctx));
      const person = await personInScope(strapi, scope, ctx.params.id);
      // Whoever reads the registry without the right to open cards (the call-centre operator) gets the limited card.
      const card = await cardOf(strapi, person, 'staff', scope.limited || !can(ctx, 'card'), contextOf(ctx));
      await audited(strapi, { actorType: 'admin', actorId: scope.adminId }, card);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: card };
    }),
    export: handle(async (ctx) => {
      const query = ctx.query as Record<string, unknown>;
      refuse(knownOnly(query, ['file', 'locale']));
      if (query.file !== 'xlsx' && query.file !== 'csv') throw invalid({ field: 'file', code: 'export.file' });
      const scope = await talentScope(strapi, adminOf(ctx));
      // The operator reads the limited card only: no results leave through an export either.
      if (scope.limited) throw notFound();
      const person = await personInScope(strapi, scope, ctx.params.id);
      const { language, now } = contextOf(ctx);
      const file = await exportResults(strapi, person, query.file, language, now);
      await audit(strapi, {
        actorType: 'admin',
        actorId: scope.adminId,
        action: 'talent.card.export',
        subjectType: PERSON_SUBJECT,
        subjectId: person.id,
        details: { file: query.file, rows: file.rows },
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
      ctx.type = file.type;
      ctx.body = file.body;
    }),
    mine: handle(async (ctx) => {
      const query = ctx.query as Record<string, unknown>;
      refuse(knownOnly(query, ['child', 'locale']));
      const userId = (ctx.state.user as { id: number }).id;
      const own = await servicesOf<AssessmentServices>(strapi, 'assessment')('people').own(userId, query.child);
      const person = await ownRow(strapi, own.key);
      const card = await cardOf(strapi, person, 'self', false, contextOf(ctx));
      await audited(strapi, { actorType: 'user', actorId: userId }, card);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: card };
    }),
  }),
};

export default part;
