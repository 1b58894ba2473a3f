import type { Core } from '@strapi/strapi';

/**
 * One line per request: method, path, status, time. Unlike strapi::logger it leaves out the query
 * string, where filters, e-mail addresses or one-time codes could otherwise reach the log.
 */
const requestLog: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    const start = Date.now();
    try {
      await next();
    } finally {
      strapi.log.http(`${ctx.method} ${ctx.path} (${Date.now() - start} ms) ${ctx.status}`);
    }
  };

export default requestLog;
