import type { Core } from '@strapi/strapi';

// A centre is read as a whole (hours, gallery, regions served): make that the default so that
// `GET /api/centres` answers with what a client needs; an explicit `populate` still wins.
const populate = {
  hours: true,
  services: true,
  gallery: { populate: { image: { fields: ['url', 'width', 'height', 'mime', 'formats'] } } },
  region: { fields: ['code', 'name', 'kind'] },
  regions: { fields: ['code', 'name', 'kind'] },
};

const defaultPopulate: Core.MiddlewareFactory = () => async (ctx, next) => {
  if (ctx.query.populate === undefined) ctx.query.populate = populate;
  await next();
};

export default defaultPopulate;
