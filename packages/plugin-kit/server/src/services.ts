/**
 * Plugins call each other through their registered services, never through another plugin's
 * internals: a plugin exports the type of its services from its server entry, and a caller reads
 * them typed — `servicesOf<BookingServices>(strapi, 'booking')('people').check(userId, child)`.
 */
import type { Core } from '@strapi/strapi';

/** The services a plugin's `services` object registers, as its factories build them. */
export type ServicesOf<T extends Record<string, (...args: never[]) => unknown>> = { [K in keyof T]: ReturnType<T[K]> };

export const servicesOf =
  <S>(strapi: Core.Strapi, plugin: string) =>
  <K extends keyof S & string>(name: K): S[K] =>
    strapi.plugin(plugin).service(name) as S[K];

/** The public site's address (links in messages and launches), without a trailing slash. */
export const siteUrl = () => (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/$/, '');
