/**
 * HTTP handlers. Who acts comes from Strapi's auth (ctx.state.user), never from the body; every
 * refusal is a BookingError answered in the request's language.
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { addDays, checkException, checkFormats, checkHours, checkServices, checkTimings, isLocalDate, kzInstant, type Service } from '@qabilet/domain';
import type { BookingStaffMe, ScheduleExceptionView, SpecialistScheduleView, StaffBookingView } from '@qabilet/domain';
import { answerError, BookingError, invalid, type Problem } from './errors';
import { languageOf, message } from './messages';
import { checkSlotQuery, forgetSlots, slotAnswer } from './slots';
import { createBooking } from './booking/create';
import { cancelByUser, rescheduleByUser } from './booking/lifecycle';
import { actAsStaff, isStaffAction, staffBookings } from './booking/staff';
import { centreNames, myBookings, viewsOf } from './booking/views';
import { EXCEPTION, SPECIALIST } from './schedule';
import { inScope, scopeOf } from './scope';
import { sweepAfter } from './waitlist/sweep';

type Handler = (ctx: Context) => Promise<void>;

export const handle =
  (fn: Handler): Handler =>
  async (ctx) => {
    try {
      await fn(ctx);
    } catch (error) {
      if (!(error instanceof BookingError)) throw error;
      const language = languageOf(ctx);
      answerError(ctx, language, error, (p: Problem) =>
        p.code === 'booking.final' || p.code === 'booking.move'
          ? Object.fromEntries(Object.entries(p.values ?? {}).map(([k, v]) => [k, message(language, `status.${v}` as never)]))
          : p.values,
      );
    }
  };

const userId = (ctx: Context) => (ctx.state as { user: { id: number } }).user.id;
const admin = (ctx: Context) => (ctx.state as { user: { id: number; roles?: Array<{ code: string }> } }).user;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const view = async (ctx: Context, row: Parameters<typeof viewsOf>[1][number]) => (await viewsOf(strapi, [row], languageOf(ctx), new Date()))[0];

  const publicApi = {
    slots: handle(async (ctx) => {
      const now = new Date();
      const { request, policies } = await checkSlotQuery(strapi, ctx.query as Record<string, unknown>, now);
      const answer = await slotAnswer(strapi, request, policies, now);
      ctx.set('Cache-Control', 'public, max-age=10');
      ctx.set('ETag', answer.etag);
      ctx.vary('Accept-Encoding');
      if (ctx.fresh) {
        ctx.status = 304;
        return;
      }
      ctx.type = 'application/json; charset=utf-8';
      if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
        ctx.set('Content-Encoding', 'gzip');
        ctx.body = answer.gzip;
      } else ctx.body = answer.json;
    }),
    create: handle(async (ctx) => {
      const key = ctx.get('idempotency-key') || undefined;
      const { replayed, row } = await createBooking(strapi, userId(ctx), ctx.request.body, key, new Date());
      ctx.status = replayed ? 200 : 201;
      ctx.body = { data: await view(ctx, row) };
    }),
    mine: handle(async (ctx) => {
      const now = new Date();
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await viewsOf(strapi, await myBookings(strapi, userId(ctx), now), languageOf(ctx), now) };
    }),
    cancel: handle(async (ctx) => {
      ctx.body = { data: await view(ctx, await cancelByUser(strapi, userId(ctx), ctx.params.id, ctx.request.body, new Date())) };
    }),
    reschedule: handle(async (ctx) => {
      ctx.body = { data: await view(ctx, await rescheduleByUser(strapi, userId(ctx), ctx.params.id, ctx.request.body, new Date())) };
    }),
  };

  const specialistInScope = async (ctx: Context) => {
    const scope = await scopeOf(strapi, admin(ctx));
    const id = Number(ctx.params.id);
    if (!Number.isInteger(id) || !inScope(scope, id)) throw new BookingError(404, { code: 'specialist.notFound' });
    const specialist = await strapi.db.query(SPECIALIST).findOne({ where: { id } });
    if (!specialist) throw new BookingError(404, { code: 'specialist.notFound' });
    return specialist;
  };

  const scheduleOf = async (id: number): Promise<SpecialistScheduleView> => {
    const specialist = await strapi.db.query(SPECIALIST).findOne({ where: { id } });
    const exceptions = await strapi.db.query(EXCEPTION).findMany({ where: { specialist: id }, orderBy: [{ from: 'asc' }, { date: 'asc' }] });
    const { hours, timings, services, formats } = specialist;
    return {
      id,
      name: specialist.name,
      centre: specialist.centre,
      hours,
      timings,
      services,
      formats,
      exceptions: exceptions.map(({ id: eid, kind, from, to, date, opens, closes, note }: ScheduleExceptionView) => ({
        id: eid,
        kind,
        from,
        to,
        date,
        opens,
        closes,
        note,
      })),
    };
  };

  const adminApi = {
    me: handle(async (ctx) => {
      const user = admin(ctx);
      const scope = await scopeOf(strapi, user);
      const where = scope.specialistIds === 'all' ? {} : { id: { $in: scope.specialistIds } };
      const specialists = await strapi.db
        .query(SPECIALIST)
        .findMany({ where, select: ['id', 'name', 'centre'], orderBy: [{ centre: 'asc' }, { name: 'asc' }] });
      const own = await strapi.db.query(SPECIALIST).findOne({ where: { staffProfile: { user: { id: user.id } } }, select: ['id', 'name', 'centre'] });
      const names = await centreNames(
        strapi,
        specialists.map((s: { centre: string }) => s.centre),
        languageOf(ctx),
      );
      const named = (s: { id: number; name: string; centre: string }) => ({ ...s, centreName: names.get(s.centre)?.name ?? s.centre });
      ctx.body = { data: { scope: scope.scope, specialist: own && named(own), specialists: specialists.map(named) } } satisfies { data: BookingStaffMe };
    }),
    bookings: handle(async (ctx) => {
      const { from, to, specialist } = ctx.query as Record<string, unknown>;
      const problems: Problem[] = [];
      if (!isLocalDate(from)) problems.push({ field: 'from', code: 'date.malformed' });
      if (!isLocalDate(to)) problems.push({ field: 'to', code: 'date.malformed' });
      else if (isLocalDate(from) && (to < from || to > addDays(from, 62))) problems.push({ field: 'to', code: 'range.tooLong', values: { days: 62 } });
      if (problems.length) throw invalid(problems);
      const scope = await scopeOf(strapi, admin(ctx));
      let ids = scope.specialistIds;
      if (specialist !== undefined && specialist !== '') {
        const id = Number(specialist);
        if (!Number.isInteger(id) || !inScope(scope, id)) throw new BookingError(404, { code: 'specialist.notFound' });
        ids = [id];
      }
      const now = new Date();
      const rows = await staffBookings(strapi, ids, kzInstant(from as string, 0), kzInstant(addDays(to as string, 1), 0));
      const views = await viewsOf(strapi, rows, languageOf(ctx), now);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: views.map((v, i): StaffBookingView => {
          const { format, videoLink, specialist: who, user, child, history, lead } = rows[i]!;
          return {
            ...v,
            videoLink: format === 'online' ? videoLink : null,
            specialist: { id: who?.id, name: who?.name },
            person: lead
              ? { surname: '', firstName: lead.name, phone: lead.phone }
              : { surname: user?.surname, firstName: user?.firstName, phone: user?.phone },
            childName: child ? `${child.surname ?? ''} ${child.firstName}`.trim() : null,
            history,
          };
        }),
      };
      // Staff saw people's names and phones: the log records who and how many, not whom.
      await strapi
        .service('api::account.account')
        .audit({ actorType: 'admin', actorId: admin(ctx).id, action: 'booking.list', details: { from, to, count: rows.length } });
    }),
    act: handle(async (ctx) => {
      if (!isStaffAction(ctx.params.action)) throw new BookingError(404, { code: 'booking.notFound' });
      const scope = await scopeOf(strapi, admin(ctx));
      const row = await actAsStaff(strapi, admin(ctx).id, scope.specialistIds, ctx.params.id, ctx.params.action, ctx.request.body, new Date());
      ctx.body = { data: await view(ctx, row) };
    }),
    schedule: handle(async (ctx) => {
      const specialist = await specialistInScope(ctx);
      ctx.body = { data: await scheduleOf(specialist.id) };
    }),
    updateSchedule: handle(async (ctx) => {
      const specialist = await specialistInScope(ctx);
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const problems: Problem[] = Object.keys(body)
        .filter((k) => !['hours', 'timings', 'services', 'formats'].includes(k))
        .map((field) => ({ field, code: 'field.notAllowed' as const }));
      const services = checkServices(body.services);
      const formats = checkFormats(body.formats);
      if (!services) problems.push({ field: 'services', code: 'schedule.services' });
      if (!formats) problems.push({ field: 'formats', code: 'schedule.formats' });
      const hours = checkHours(body.hours);
      if (!hours.ok) problems.push(...hours.problems);
      const timings = checkTimings(body.timings, services ?? ([] as Service[]));
      if (!timings.ok) problems.push(...timings.problems);
      if (problems.length || !hours.ok || !timings.ok) throw invalid(problems);
      await strapi.db.query(SPECIALIST).update({ where: { id: specialist.id }, data: { hours: hours.value, timings: timings.value, services, formats } });
      forgetSlots();
      // New hours may be time someone on the waitlist is waiting for (not awaited: the sweep logs its own failures).
      void sweepAfter(strapi, { centre: specialist.centre });
      ctx.body = { data: await scheduleOf(specialist.id) };
    }),
    addException: handle(async (ctx) => {
      const specialist = await specialistInScope(ctx);
      const checked = checkException(ctx.request.body);
      if (!checked.ok) throw invalid(checked.problems);
      const e = checked.value;
      await strapi.db.query(EXCEPTION).create({ data: { specialist: specialist.id, ...e } });
      forgetSlots();
      void sweepAfter(strapi, { centre: specialist.centre });
      ctx.status = 201;
      ctx.body = { data: await scheduleOf(specialist.id) };
    }),
    removeException: handle(async (ctx) => {
      const specialist = await specialistInScope(ctx);
      const id = Number(ctx.params.exceptionId);
      const deleted = Number.isInteger(id) ? await strapi.db.query(EXCEPTION).delete({ where: { id, specialist: specialist.id } }) : null;
      if (!deleted) throw new BookingError(404, { code: 'specialist.notFound' });
      forgetSlots();
      void sweepAfter(strapi, { centre: specialist.centre });
      ctx.body = { data: await scheduleOf(specialist.id) };
    }),
  };

  return { public: publicApi, admin: adminApi };
};
