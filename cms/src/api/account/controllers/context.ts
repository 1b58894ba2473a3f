import type { Context } from 'koa';
import { pickLanguage, type Language } from '../../../i18n/messages';

/** The logged-in user's id (set by Strapi's auth), and the language to answer in. */
export const userId = (ctx: Context): number => (ctx.state as { user: { id: number } }).user.id;
export const languageOf = (ctx: Context): Language => pickLanguage(ctx.get('accept-language'));
export const body = (ctx: Context): Record<string, unknown> => {
  const b = ctx.request.body as unknown;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
};
