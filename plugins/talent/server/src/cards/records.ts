/**
 * The person's own records as their card reads them — results over time (repeats compared),
 * the specialists' recommendations, the bookings — for the stats plugin's progress in the
 * cabinet (the plugin's `cards.records` service), so that both show the same figures.
 */
import type { Core } from '@strapi/strapi';
import type { Language } from '@qabilet/domain';
import { notFound } from '../errors';
import { personByKey, type PersonRow } from '../scope';
import { recommendationsOf, resultsOf } from './results';
import { bookingOf } from './services';
import { bookingsOf, centreNames } from './sources';

/** The registry's row of the person a user acts for (themselves or their child); the registry is brought up to date first when it lags. */
export async function ownRow(strapi: Core.Strapi, key: string): Promise<PersonRow> {
  const row = await personByKey(strapi, key);
  if (row) return row;
  await strapi.plugin('talent').service('people').refresh([key]);
  const fresh = await personByKey(strapi, key);
  if (!fresh) throw notFound();
  return fresh;
}

/** The records of the person whose key the caller has checked is the user's own (assessment's `people.own`). */
export async function recordsOf(strapi: Core.Strapi, key: string, language: Language) {
  const person = await ownRow(strapi, key);
  const [results, recommendations, bookings, centres] = await Promise.all([
    resultsOf(strapi, person, language),
    recommendationsOf(strapi, person, language),
    bookingsOf(strapi, person),
    centreNames(strapi, language),
  ]);
  return { results, recommendations, bookings: bookings.map((b) => bookingOf(b, centres)) };
}
