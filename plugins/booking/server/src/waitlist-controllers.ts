/**
 * HTTP handlers of the waitlist and its offers (waitlist/places.ts and waitlist/offers.ts do the work). Who acts comes
 * from Strapi's auth, never from the body; the offer's token comes in the body, never in a URL.
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { viewsOf } from './booking/views';
import { handle } from './controllers';
import { languageOf } from './messages';
import { joinWaitlist, leaveWaitlist, myWaitlist } from './waitlist/places';
import { acceptOffer, declineOffer, viewOffer } from './waitlist/offers';
import { waitlistViews } from './waitlist/views';

const userId = (ctx: Context) => (ctx.state as { user: { id: number } }).user.id;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = async (ctx: Context, rows: Parameters<typeof waitlistViews>[1]) => waitlistViews(strapi, rows, languageOf(ctx), new Date());

  return {
    join: handle(async (ctx) => {
      const entry = await joinWaitlist(strapi, userId(ctx), ctx.request.body, new Date());
      ctx.status = 201;
      ctx.body = { data: (await entries(ctx, [entry]))[0] };
    }),
    mine: handle(async (ctx) => {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await entries(ctx, await myWaitlist(strapi, userId(ctx))) };
    }),
    leave: handle(async (ctx) => {
      ctx.body = { data: (await entries(ctx, [await leaveWaitlist(strapi, userId(ctx), ctx.params.id, new Date())]))[0] };
    }),
    view: handle(async (ctx) => {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await viewOffer(strapi, userId(ctx), ctx.request.body, languageOf(ctx), new Date()) };
    }),
    accept: handle(async (ctx) => {
      const { replayed, row } = await acceptOffer(strapi, userId(ctx), ctx.request.body, new Date());
      ctx.status = replayed ? 200 : 201;
      ctx.body = { data: (await viewsOf(strapi, [row], languageOf(ctx), new Date()))[0] };
    }),
    decline: handle(async (ctx) => {
      ctx.body = { data: await declineOffer(strapi, userId(ctx), ctx.request.body, languageOf(ctx), new Date()) };
    }),
  };
};
