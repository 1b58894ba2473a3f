import type { Context } from 'koa';
import { message, pickLanguage, type Language, type MessageKey } from '../../../i18n/messages';

/** The logged-in user's id (set by Strapi's auth), and the language to answer in. */
export const userId = (ctx: Context): number => (ctx.state as { user: { id: number } }).user.id;
export const languageOf = (ctx: Context): Language => pickLanguage(ctx.get('accept-language'));
export const body = (ctx: Context): Record<string, unknown> => {
  const b = ctx.request.body as unknown;
  return typeof b === 'object' && b !== null && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
};

/** 503 in Strapi's error shape with a localised message: something outside (the mail relay) failed. */
export function sendUnavailable(ctx: Context, language: Language, key: MessageKey): void {
  ctx.status = 503;
  ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: message(language, key), details: {} } };
}
