/**
 * Whose attempt it is: the user, or their own child (a parent acts for a child, R-AUTH-3). The
 * person's key (`u:<id>`, `c:<id>`) ties attempts, the profile and specialists' notes together.
 */
import type { Core } from '@strapi/strapi';
import { ageOn, kzDate } from '@qabilet/domain';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { BookingServices } from '@qabilet/strapi-plugin-booking/strapi-server';
import { invalid, unknownPerson } from './errors';

export type Person = { key: string; userId: number; childId: number | null; birthDate: string; region: string; name: string };

const USER = 'plugin::users-permissions.user';
const CHILD = 'api::child.child';

export const personKey = (userId: number, childId: number | null) => (childId ? `c:${childId}` : `u:${userId}`);

type Accounts = { findOwnChild(parentId: number, documentId: unknown): Promise<{ id: number } | null> };
const accounts = (strapi: Core.Strapi) => strapi.service('api::account.account') as unknown as Accounts;

/** The person a user acts for, without the consent gate (for reading their own results). */
export async function ownPerson(strapi: Core.Strapi, userId: number, childInput: unknown): Promise<Person> {
  if (childInput === undefined || childInput === null || childInput === '') {
    const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['id', 'birthDate', 'region', 'firstName', 'surname'] });
    if (!user) throw unknownPerson();
    return {
      key: personKey(userId, null),
      userId,
      childId: null,
      birthDate: String(user.birthDate),
      region: user.region,
      name: `${user.firstName} ${user.surname}`,
    };
  }
  if (typeof childInput !== 'string') throw invalid({ field: 'child', code: 'child.unknown' });
  const own = await accounts(strapi).findOwnChild(userId, childInput);
  if (!own) throw invalid({ field: 'child', code: 'child.unknown' });
  return childPerson(strapi, own.id, userId);
}

async function childPerson(strapi: Core.Strapi, childId: number, parentId?: number): Promise<Person> {
  const child = await strapi.db
    .query(CHILD)
    .findOne({ where: { id: childId }, select: ['id', 'birthDate', 'region', 'firstName', 'surname'], populate: { parent: { select: ['id'] } } });
  if (!child || (parentId !== undefined && child.parent?.id !== parentId)) throw unknownPerson();
  return {
    key: personKey(child.parent?.id, childId),
    userId: child.parent?.id,
    childId,
    birthDate: String(child.birthDate),
    region: child.region,
    name: `${child.firstName} ${child.surname}`,
  };
}

/** The person a user acts for, past every consent (R-AUTH-4): the gate before any test. */
export async function consentedPerson(strapi: Core.Strapi, userId: number, childInput: unknown): Promise<Person> {
  if (childInput !== undefined && childInput !== null && typeof childInput !== 'string') throw invalid({ field: 'child', code: 'child.unknown' });
  await servicesOf<BookingServices>(strapi, 'booking')('people').check(userId, childInput === '' ? undefined : childInput);
  return ownPerson(strapi, userId, childInput);
}

/** A person by kind and id, as staff name them (scope checked by the caller). */
export async function personById(strapi: Core.Strapi, kind: string, id: number): Promise<Person> {
  if (kind === 'child') return childPerson(strapi, id);
  if (kind !== 'user') throw unknownPerson();
  const user = await strapi.db.query(USER).findOne({ where: { id }, select: ['id', 'birthDate', 'region', 'firstName', 'surname', 'anonymisedAt'] });
  if (!user || user.anonymisedAt) throw unknownPerson();
  return {
    key: personKey(id, null),
    userId: id,
    childId: null,
    birthDate: String(user.birthDate),
    region: user.region,
    name: `${user.firstName} ${user.surname}`,
  };
}

export const ageNow = (person: Person, now: Date) => ageOn(person.birthDate.slice(0, 10), kzDate(now));
