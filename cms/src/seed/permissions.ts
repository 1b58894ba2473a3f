import type { Core } from '@strapi/strapi';
import { EDITORIAL_TYPES } from '../content/types';

const PUBLIC_READ = ['region', 'locality', 'centre'].flatMap((type) => [`api::${type}.${type}.find`, `api::${type}.${type}.findOne`]);

/** Lets anonymous visitors (and the site's build) read the public reference content. */
export async function grantPublicRead(strapi: Core.Strapi, actions: string[] = PUBLIC_READ): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions has no public role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of actions) {
    const existing = await permissions.findOne({ where: { action, role: role.id } });
    if (!existing) await permissions.create({ data: { action, role: role.id } });
  }
}

/** The editorial content the site publishes (added after the reference data, hence its own step). */
export const grantPublicContentRead = (strapi: Core.Strapi) =>
  grantPublicRead(
    strapi,
    EDITORIAL_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  );

const ACCOUNT_ACTIONS = [
  'account.me',
  'account.update',
  'account.exportData',
  'account.requestDeletion',
  'account.cancelDeletion',
  'account.logoutEverywhere',
  'phone.sendCode',
  'phone.verify',
  'children.find',
  'children.create',
  'children.update',
  'children.delete',
  'consent.requestParental',
  'consent.confirmParentalCode',
  'consent.withdraw',
].map((action) => `api::account.${action}`);

/** Logged-in users may use their own cabinet; the controllers keep each to their own data. */
export async function grantCabinet(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!role) throw new Error('users-permissions has no authenticated role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of ACCOUNT_ACTIONS) {
    if (!(await permissions.findOne({ where: { action, role: role.id } }))) await permissions.create({ data: { action, role: role.id } });
  }
}
