/**
 * Which people's results a staff member sees (never decided by the request): a specialist those
 * who have a request or booking at their centre (the people they consult), a regional coordinator
 * those living in their region. Every other role sees none: curators, operators and super admins
 * watch the dashboards' numbers, not a minor's answers.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { CrmServices, Scope } from '@qabilet/strapi-plugin-crm/strapi-server';
import { PROFILES } from './tables';
import { AssessmentError } from './errors';
import type { Person } from './people';

type AdminUser = { id: number; roles?: Array<{ code: string }> };
export type StaffScope = { role: 'specialist'; centre: string } | { role: 'coordinator'; regions: string[] };

export async function staffScope(strapi: Core.Strapi, user: AdminUser): Promise<StaffScope> {
  const scope: Scope = await servicesOf<CrmServices>(strapi, 'crm')('scope').of(user);
  if (scope.role === 'specialist' && scope.centre) return { role: 'specialist', centre: scope.centre };
  if (scope.role === 'coordinator' && scope.regions.length) return { role: 'coordinator', regions: scope.regions };
  throw new AssessmentError(403, { code: 'staff.noScope' });
}

/** Requests and bookings at the centre (the registry follows every booking), cancelled ones aside. */
const consultedAt = (knex: Knex, centre: string) =>
  knex('crm_requests').where({ centre }).whereNot({ status: 'cancelled' }).whereIn('person_kind', ['user', 'child']);

/** Profiles of the people in scope, latest first. */
export function profilesInScope(knex: Knex, scope: StaffScope): Knex.QueryBuilder {
  const q = knex(`${PROFILES} as p`);
  if (scope.role === 'specialist') {
    return q.where((w) => {
      w.whereIn('p.child_id', consultedAt(knex, scope.centre).whereNotNull('child_id').select('child_id')).orWhere((u) =>
        u.whereNull('p.child_id').whereIn('p.user_id', consultedAt(knex, scope.centre).where({ person_kind: 'user' }).select('user_id')),
      );
    });
  }
  return q
    .leftJoin('up_users as u', 'u.id', 'p.user_id')
    .leftJoin('children as c', 'c.id', 'p.child_id')
    .where((w) =>
      w
        .where((u) => u.whereNull('p.child_id').whereIn('u.region', scope.regions))
        .orWhere((c) => c.whereNotNull('p.child_id').whereIn('c.region', scope.regions)),
    );
}

export async function inScope(strapi: Core.Strapi, scope: StaffScope, person: Person): Promise<boolean> {
  const knex = strapi.db.connection;
  if (scope.role === 'coordinator') return scope.regions.includes(person.region);
  const q = consultedAt(knex, scope.centre);
  const row = await (person.childId ? q.where({ child_id: person.childId }) : q.where({ user_id: person.userId, person_kind: 'user' })).first('id');
  return !!row;
}
