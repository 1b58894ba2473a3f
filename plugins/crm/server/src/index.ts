/**
 * The CRM plugin's server: the registry of consultation requests (R-BOOK-2), the call-centre
 * webhook (R-NFR-7) and the export by template (R-NFR-8). It follows the booking plugin's changes
 * through that plugin's events, inside their transactions.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkTemplateColumns } from '@qabilet/domain';
import contentTypes from './content-types';
import routes from './routes';
import makeControllers from './controllers';
import { ensureTables, sweepNonces } from './tables';
import { followBooking } from './sync';
import { DEFAULT_TEMPLATE, TEMPLATE } from './exports';
import { message } from './messages';
import { scopeOf, type AdminUser } from './scope';
import type { ServicesOf } from '@qabilet/plugin-kit/server';

let sweeper: NodeJS.Timeout | undefined;

const ACTIONS = [
  { uid: 'read', displayName: 'See requests (within the role’s scope)' },
  { uid: 'intake', displayName: 'Enter requests for callers and book slots for them' },
  { uid: 'manage', displayName: 'Assign specialists, close and bulk-change requests' },
  { uid: 'complete', displayName: 'Complete own consultations with a note' },
  { uid: 'export', displayName: 'Export the registry' },
];

/** Refuses an export template whose columns are not ones the export knows, in the admin's words. */
function checkTemplate(event: { params: { data?: Record<string, unknown> } }) {
  const columns = event.params.data?.columns;
  if (columns === undefined) return;
  const checked = checkTemplateColumns(columns);
  if (checked.ok) return;
  const text = checked.problems.map((p) => `${p.field}: ${message('en', p.code as never, p.values)}`).join(' ');
  throw new errors.ValidationError(text, {
    errors: checked.problems.map((p) => ({ path: ['columns'], message: `${p.field}: ${message('en', p.code as never, p.values)}`, name: 'ValidationError' })),
  });
}

const plugin = {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'crm', ...a })));
    strapi.db.lifecycles.subscribe({ models: [TEMPLATE], beforeCreate: checkTemplate, beforeUpdate: checkTemplate });
    await ensureTables(strapi);
    strapi.plugin('booking').service('events').on('inside', followBooking);
    if (!(await strapi.db.query(TEMPLATE).count({}))) await strapi.db.query(TEMPLATE).create({ data: DEFAULT_TEMPLATE });
    sweeper = setInterval(() => sweepNonces(strapi).catch((e: Error) => strapi.log.warn(`crm nonces: ${e.name}`)), 60_000);
    sweeper.unref();
  },
  destroy() {
    clearInterval(sweeper);
  },
  config: {
    default: { callCentreSecrets: '' },
    validator() {},
  },
  contentTypes,
  routes,
  controllers: {
    admin: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).admin,
    public: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).public,
  },
  services: {
    // Whom a staff member sees (the registry's scope), for the plugins that scope people the same way.
    scope: ({ strapi }: { strapi: Core.Strapi }) => ({ of: (user: AdminUser) => scopeOf(strapi, user) }),
  },
};

export default plugin;

/** What other plugins call: `servicesOf<CrmServices>(strapi, 'crm')`. */
export type CrmServices = ServicesOf<typeof plugin.services>;
export type { Scope } from './scope';
