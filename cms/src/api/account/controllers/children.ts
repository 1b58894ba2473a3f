import type { Core } from '@strapi/strapi';
import { updateWhere } from '../../../lib/update-where';
import type { Context } from 'koa';
import { sendValidationError } from '../../../lib/errors';
import { checkChild, findOwnChild } from '../../../accounts/children';
import { childView, loadUser } from '../../../accounts/profile';
import { recordConsentForChild } from '../../../accounts/consent';
import { audit } from '@qabilet/plugin-kit/server';
import { isLanguage, message } from '../../../i18n/messages';
import { languageOf, userId } from './context';

const CHILD = 'api::child.child';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Only parent accounts have children; anyone else gets 403. */
  const parent = async (ctx: Context) => {
    const user = await loadUser(strapi, userId(ctx));
    if (user.userType !== 'parent') {
      ctx.status = 403;
      ctx.body = { data: null, error: { status: 403, name: 'ForbiddenError', message: message(languageOf(ctx), 'child.parentsOnly'), details: {} } };
      return undefined;
    }
    return user;
  };
  const notFound = (ctx: Context) => {
    ctx.status = 404;
    ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: message(languageOf(ctx), 'child.unknown'), details: {} } };
  };

  return {
    async find(ctx: Context) {
      const user = await loadUser(strapi, userId(ctx));
      const children = await strapi.db.query(CHILD).findMany({ where: { parent: user.id }, orderBy: { id: 'asc' } });
      ctx.body = { data: children.map(childView) };
    },

    async create(ctx: Context) {
      const user = await parent(ctx);
      if (!user) return;
      const result = await checkChild(strapi, ctx.request.body);
      if (!result.ok) return sendValidationError(ctx, languageOf(ctx), result.problems);
      const child = await strapi.db.transaction(async () => {
        const created = await strapi.db.query(CHILD).create({ data: { ...result.value, parent: user.id } });
        await recordConsentForChild(strapi, user.id, created.id, isLanguage(user.language) ? user.language : languageOf(ctx));
        return created;
      });
      await audit(strapi, { actorType: 'user', actorId: user.id, action: 'child.created', subjectType: CHILD, subjectId: child.id });
      ctx.status = 201;
      ctx.body = { data: childView(child) };
    },

    async update(ctx: Context) {
      const user = await parent(ctx);
      if (!user) return;
      const child = await findOwnChild(strapi, user.id, ctx.params.documentId);
      if (!child) return notFound(ctx);
      const result = await checkChild(strapi, ctx.request.body, child);
      if (!result.ok) return sendValidationError(ctx, languageOf(ctx), result.problems);
      const updated = await strapi.db.query(CHILD).update({ where: { id: child.id }, data: result.value });
      await audit(strapi, { actorType: 'user', actorId: user.id, action: 'child.updated', subjectType: CHILD, subjectId: child.id });
      ctx.body = { data: childView(updated) };
    },

    async delete(ctx: Context) {
      const user = await parent(ctx);
      if (!user) return;
      const child = await findOwnChild(strapi, user.id, ctx.params.documentId);
      if (!child) return notFound(ctx);
      await strapi.db.transaction(async () => {
        await updateWhere(strapi, 'api::consent.consent', { child: child.id, status: { $ne: 'withdrawn' } }, { status: 'withdrawn', withdrawnAt: new Date() });
        await strapi.db.query(CHILD).delete({ where: { id: child.id } });
        // The child's test attempts, profile and specialists' notes go with the profile.
        await strapi.plugin('assessment')?.service('people').forgetChild(child.id);
        await strapi.plugin('partners')?.service('people').forgetChild(child.id);
      });
      await audit(strapi, { actorType: 'user', actorId: user.id, action: 'child.deleted', subjectType: CHILD, subjectId: child.id });
      ctx.status = 204;
    },
  };
};
