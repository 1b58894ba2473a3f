import type { Core, UID } from '@strapi/strapi';
import { MY_CENTRE, MY_REGION } from './conditions';
import { EDITORIAL_TYPES, REFERENCE_TYPES } from '../content/types';

const READ = 'plugin::content-manager.explorer.read';
const CREATE = 'plugin::content-manager.explorer.create';
const UPDATE = 'plugin::content-manager.explorer.update';
const DELETE = 'plugin::content-manager.explorer.delete';

/** Content the CMS has today; each later plugin adds its own permissions to these roles. */
const CONTENT: UID.ContentType[] = [...REFERENCE_TYPES, ...EDITORIAL_TYPES];
/** What the content manager edits; the types with drafts also need the right to publish. */
const EDITORIAL: UID.ContentType[] = CONTENT.filter((uid) => !['api::region.region'].includes(uid));
const PUBLISH = 'plugin::content-manager.explorer.publish';

export type StaffRole = { code: string; name: string; description: string };

export const STAFF_ROLES: StaffRole[] = [
  { code: 'qabilet-specialist', name: 'Specialist', description: 'Psychologist or career counsellor of a centre: works with the people of their centre.' },
  {
    code: 'qabilet-call-centre-operator',
    name: 'Call-centre operator',
    description: 'Takes calls and enters requests for callers; reads centres and schedules.',
  },
  { code: 'qabilet-content-manager', name: 'Content manager', description: 'Edits the public content: centres, pages, news, FAQ, professions.' },
  { code: 'qabilet-regional-coordinator', name: 'Regional coordinator', description: 'Oversees the work of their region (the regions their centre serves).' },
  { code: 'qabilet-project-curator', name: 'Project curator', description: 'Read-only oversight of everything, in every region.' },
];

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

/** The booking plugin's condition: entries (policies, specialists) of the centres serving my region. */
const CENTRE_IN_MY_REGION = 'plugin::booking.centre-in-my-region';

const permissionOn =
  (strapi: Core.Strapi) =>
  (action: string, uid: UID.ContentType, conditions: string[] = []): Permission => ({
    action,
    subject: uid,
    properties: {
      fields: Object.keys(strapi.contentType(uid).attributes).filter(
        (a) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(a),
      ),
      ...(strapi.contentType(uid).pluginOptions?.i18n ? { locales: ['kk', 'ru', 'en'] } : {}),
    },
    conditions,
  });

/**
 * The booking plugin's admin permissions: specialists and coordinators act on the bookings and
 * schedules of their scope (the plugin works the scope out), the others see them. A coordinator
 * also sets the booking policy of the centres of their region and keeps their specialists.
 */
function bookingPermissions(strapi: Core.Strapi, code: string): Permission[] {
  const manage = ['qabilet-specialist', 'qabilet-regional-coordinator'].includes(code);
  const base: Permission[] = [{ action: 'plugin::booking.read' }, ...(manage ? [{ action: 'plugin::booking.manage' }] : [])];
  if (code !== 'qabilet-regional-coordinator') return base;
  const on = permissionOn(strapi);
  return [
    ...base,
    on(READ, 'plugin::booking.policy', [CENTRE_IN_MY_REGION]),
    on(UPDATE, 'plugin::booking.policy', [CENTRE_IN_MY_REGION]),
    ...[READ, CREATE, UPDATE].map((action) => on(action, 'plugin::booking.specialist', [CENTRE_IN_MY_REGION])),
  ];
}

/**
 * The registry's admin permissions (plugin crm): every staff role but the content manager reads
 * requests within its scope; operators and coordinators enter them and book for callers;
 * coordinators assign, close and change them in bulk; specialists complete their own; coordinators
 * and the curator export.
 */
const CRM_ACTIONS: Record<string, string[]> = {
  'qabilet-specialist': ['read', 'complete'],
  'qabilet-call-centre-operator': ['read', 'intake'],
  'qabilet-regional-coordinator': ['read', 'intake', 'manage', 'complete', 'export'],
  'qabilet-project-curator': ['read', 'export'],
};
const crmPermissions = (code: string): Permission[] => (CRM_ACTIONS[code] ?? []).map((a) => ({ action: `plugin::crm.${a}` }));

/** Adds a plugin's permissions to staff roles made before the plugin existed. */
async function grantToRoles(strapi: Core.Strapi, ids: Map<string, number>, permissions: (code: string) => Permission[]): Promise<void> {
  const key = (p: { action: string; subject?: string | null }) => `${p.action}|${p.subject ?? ''}`;
  for (const [code, roleId] of ids) {
    const have = new Set((await strapi.db.query('admin::permission').findMany({ where: { role: roleId }, select: ['action', 'subject'] })).map(key));
    const missing = permissions(code).filter((p) => !have.has(key(p)));
    if (missing.length) await strapi.service('admin::role').addPermissions(roleId, missing);
  }
}

/**
 * The assessments (plugin assessment): specialists and coordinators see the results of the
 * people in their scope and write recommendations; the content manager authors and publishes
 * the tests (content type Test, which holds scoring keys and so is read by no other role).
 */
function assessmentPermissions(strapi: Core.Strapi, code: string): Permission[] {
  if (['qabilet-specialist', 'qabilet-regional-coordinator'].includes(code))
    return [{ action: 'plugin::assessment.read' }, { action: 'plugin::assessment.recommend' }];
  if (code !== 'qabilet-content-manager') return [];
  const on = permissionOn(strapi);
  const test = 'api::test.test' as UID.ContentType;
  return [...[READ, CREATE, UPDATE, DELETE].map((action) => on(action, test)), { action: PUBLISH, subject: test, properties: {}, conditions: [] }];
}

/**
 * The registry of users and talents (plugin talent): specialists see the people their centre
 * served, open their cards, keep the consultation journal and confirm talents; operators see
 * names, phones and open requests; coordinators see their region, export, sample the journal for
 * review and confirm talents; the curator sees everything read-only, exports and sets the talent
 * rules. The content manager sees no one.
 */
const TALENT_ACTIONS: Record<string, string[]> = {
  'qabilet-specialist': ['read', 'card', 'journal', 'confirm', 'specialists'],
  'qabilet-call-centre-operator': ['read'],
  'qabilet-regional-coordinator': ['read', 'card', 'export', 'review', 'confirm', 'specialists'],
  'qabilet-project-curator': ['read', 'card', 'export', 'settings', 'specialists'],
};
const talentPermissions = (code: string): Permission[] => (TALENT_ACTIONS[code] ?? []).map((a) => ({ action: `plugin::talent.${a}` }));
export const grantTalentToRoles = (strapi: Core.Strapi, ids: Map<string, number>) => grantToRoles(strapi, ids, talentPermissions);

/**
 * The dashboards (plugin stats): specialists, coordinators and the curator read the panels of
 * their role within their scope (the plugin works it out); coordinators and the curator export
 * their tables. Operators and content managers have no dashboard.
 */
const STATS_ACTIONS: Record<string, string[]> = {
  'qabilet-specialist': ['read'],
  'qabilet-regional-coordinator': ['read', 'export'],
  'qabilet-project-curator': ['read', 'export'],
};
const statsPermissions = (code: string): Permission[] => (STATS_ACTIONS[code] ?? []).map((a) => ({ action: `plugin::stats.${a}` }));
export const grantStatsToRoles = (strapi: Core.Strapi, ids: Map<string, number>) => grantToRoles(strapi, ids, statsPermissions);

export const grantAssessmentToRoles = (strapi: Core.Strapi, ids: Map<string, number>) =>
  grantToRoles(strapi, ids, (code) => assessmentPermissions(strapi, code));
export const grantBookingToRoles = (strapi: Core.Strapi, ids: Map<string, number>) => grantToRoles(strapi, ids, (code) => bookingPermissions(strapi, code));
export const grantCrmToRoles = (strapi: Core.Strapi, ids: Map<string, number>) => grantToRoles(strapi, ids, crmPermissions);

function permissionsFor(strapi: Core.Strapi, code: string): Permission[] {
  const on = permissionOn(strapi);
  const readAll = CONTENT.map((uid) => on(READ, uid));
  switch (code) {
    case 'qabilet-content-manager':
      return [
        ...readAll,
        ...EDITORIAL.flatMap((uid) => [CREATE, UPDATE, DELETE].map((action) => on(action, uid))),
        ...EDITORIAL.filter((uid) => strapi.contentType(uid).options?.draftAndPublish).map((uid) => ({
          action: PUBLISH,
          subject: uid,
          properties: { locales: ['kk', 'ru', 'en'] },
          conditions: [],
        })),
        { action: 'plugin::upload.read' },
        { action: 'plugin::upload.assets.create' },
        { action: 'plugin::upload.assets.update' },
        { action: 'plugin::upload.assets.download' },
        { action: 'plugin::upload.assets.copy-link' },
      ];
    case 'qabilet-project-curator':
      return [...readAll, { action: 'plugin::upload.read' }, ...bookingPermissions(strapi, code), ...crmPermissions(code)];
    case 'qabilet-regional-coordinator':
      return [
        on(READ, 'api::region.region'),
        on(READ, 'api::centre.centre', [MY_REGION]),
        on(READ, 'api::locality.locality', [MY_REGION]),
        ...bookingPermissions(strapi, code),
        ...crmPermissions(code),
      ];
    case 'qabilet-specialist':
      return [
        on(READ, 'api::region.region'),
        on(READ, 'api::locality.locality'),
        on(READ, 'api::centre.centre', [MY_CENTRE]),
        ...bookingPermissions(strapi, code),
        ...crmPermissions(code),
      ];
    case 'qabilet-call-centre-operator':
      return [...readAll, ...bookingPermissions(strapi, code), ...crmPermissions(code)];
    default:
      return [];
  }
}

/** Creates the staff roles that are missing, each with its permissions; existing roles are left as staff set them. */
export async function ensureStaffRoles(strapi: Core.Strapi): Promise<Map<string, number>> {
  const roles = strapi.service('admin::role');
  const ids = new Map<string, number>();
  for (const role of STAFF_ROLES) {
    let existing = await strapi.db.query('admin::role').findOne({ where: { code: role.code } });
    if (!existing) {
      existing = await roles.create(role);
      await roles.assignPermissions(existing.id, permissionsFor(strapi, role.code));
    }
    ids.set(role.code, existing.id);
  }
  return ids;
}
