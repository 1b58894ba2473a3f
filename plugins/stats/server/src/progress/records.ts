/**
 * Whose progress and what it is made of, read through the other plugins' services: the assessment
 * plugin says whose the person is (the user or their own child), the talent plugin reads their
 * records as their card does (results over time, recommendations, bookings), and the domain's
 * progress rule counts them with the dashboards' definitions.
 */
import type { Core } from '@strapi/strapi';
import { PluginError, servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices, Person } from '@qabilet/strapi-plugin-assessment/strapi-server';
import type { TalentServices } from '@qabilet/strapi-plugin-talent/strapi-server';
import { progressOf, type BookingStatus, type Language, type ProgressView, type ServiceFormat } from '@qabilet/domain';
import { StatsError } from '../errors';

/** The user, or their own child; somebody else's child (or no child at all) is not found, as if it did not exist. */
export async function ownPerson(strapi: Core.Strapi, userId: number, child: unknown): Promise<Person> {
  try {
    return await servicesOf<AssessmentServices>(strapi, 'assessment')('people').own(userId, child);
  } catch (error) {
    if (error instanceof PluginError && error.problems.some((p) => p.field === 'child')) throw new StatsError(404, { code: 'progress.notFound' });
    throw error;
  }
}

export async function progressFor(strapi: Core.Strapi, person: Person, language: Language): Promise<ProgressView> {
  const { results, recommendations, bookings } = await servicesOf<TalentServices>(strapi, 'talent')('cards').records(person.key, language);
  return progressOf({
    results,
    recommendations: recommendations.map((r) => ({ at: r.createdAt, author: r.author, professions: r.professions.map((p) => p.name) })),
    consultations: bookings
      .filter((b) => b.service === 'consultation')
      .map((b) => ({ date: b.start, centre: b.centre.name, format: b.format as ServiceFormat, status: b.status as BookingStatus })),
  });
}
