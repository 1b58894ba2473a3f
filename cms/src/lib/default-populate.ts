import type { Core } from '@strapi/strapi';

/**
 * A route middleware that makes `populate` default to what a reader of this type needs (the site
 * builds its pages from these answers); an explicit `populate` in the query still wins.
 */
export function defaultPopulate(populate: Record<string, unknown>): Core.MiddlewareHandler {
  return async (ctx, next) => {
    if (ctx.query.populate === undefined) ctx.query.populate = structuredClone(populate);
    await next();
  };
}

export const IMAGE_FIELDS = { fields: ['url', 'width', 'height', 'mime'] };
