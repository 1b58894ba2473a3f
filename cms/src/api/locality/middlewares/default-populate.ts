import type { Core } from '@strapi/strapi';

const defaultPopulate: Core.MiddlewareFactory = () => async (ctx, next) => {
  if (ctx.query.populate === undefined) ctx.query.populate = { region: { fields: ['code', 'name'] } };
  await next();
};

export default defaultPopulate;
