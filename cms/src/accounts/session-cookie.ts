/**
 * A session's refresh token travels only in its httpOnly cookie. Strapi sets the cookie on log-in
 * and refresh when `sessions.httpOnly` is on, but its change and reset of a password (and any
 * route added later that issues a session) answer `{ jwt, refreshToken }` in the JSON body, where a
 * page script, a log or a proxy cache could read it. Every auth action goes through this wrapper:
 * a refresh token in an answer is moved into the cookie, and a refresh token sent in a body is
 * ignored, so one that leaked from an old answer cannot be used.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

type Action = (ctx: Context, ...rest: unknown[]) => Promise<unknown>;
type SessionsConfig = {
  cookie?: { name?: string; secure?: boolean; sameSite?: 'lax' | 'strict' | 'none'; path?: string; domain?: string; maxAge?: number };
};

/** The cookie Strapi itself sets on log-in (users-permissions' buildRefreshCookieOptions), so both agree. */
export function refreshCookie(strapi: Core.Strapi) {
  const sessions = (strapi.config.get('plugin::users-permissions.sessions') ?? {}) as SessionsConfig;
  const cookie = sessions.cookie ?? {};
  return {
    name: cookie.name ?? 'strapi_up_refresh',
    options: {
      httpOnly: true,
      secure: typeof cookie.secure === 'boolean' ? cookie.secure : process.env.NODE_ENV === 'production',
      sameSite: cookie.sameSite ?? 'lax',
      path: cookie.path ?? '/',
      domain: cookie.domain,
      maxAge: cookie.maxAge,
      overwrite: true,
    },
  } as const;
}

export function cookieOnlySessions<T extends Record<string, Action>>(strapi: Core.Strapi, actions: T): T {
  const wrapped: Record<string, Action> = {};
  for (const [name, action] of Object.entries(actions)) {
    if (typeof action !== 'function') {
      wrapped[name] = action;
      continue;
    }
    wrapped[name] = async (ctx, ...rest) => {
      const body = ctx.request.body as Record<string, unknown> | undefined;
      if (body && typeof body === 'object' && 'refreshToken' in body) delete body.refreshToken;
      const result = await action(ctx, ...rest);
      const answer = ctx.body as Record<string, unknown> | undefined;
      if (answer && typeof answer === 'object' && typeof answer.refreshToken === 'string') {
        const { name: cookieName, options } = refreshCookie(strapi);
        ctx.cookies.set(cookieName, answer.refreshToken, options);
        delete answer.refreshToken;
      }
      return result;
    };
  }
  return wrapped as T;
}
