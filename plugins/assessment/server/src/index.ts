/**
 * The assessment plugin's server: versions of the tests authored in the CMS, attempts that
 * survive lost connections, scoring, the person's profile and recommendations with an explained
 * % fit (R-TEST-1, R-CMS-2, R-REC-1, R-NFR-5, R-NFR-6).
 */
import type { Core } from '@strapi/strapi';
import routes, { USER_ACTIONS } from './routes';
import makeControllers from './controllers';
import { ensureTables } from './tables';
import { registerVersioning, syncVersions } from './versions';
import { forgetChild, forgetPerson } from './forget';

const ACTIONS = [
  { uid: 'read', displayName: 'See test results of people in scope (specialists: those they consult; coordinators: their region)' },
  { uid: 'recommend', displayName: 'Add written recommendations to a person’s card' },
];

/** Gives the authenticated role each action once per database (one staff revoked stays revoked). */
async function grantUsers(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'assessment', key: 'granted' });
  const granted = new Set<string>(((await store.get()) as string[] | null) ?? []);
  const missing = USER_ACTIONS.filter((a) => !granted.has(a));
  if (!missing.length) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!role) return;
  for (const action of missing) {
    if (!(await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } }))) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
  await store.set({ value: [...granted, ...missing] });
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerVersioning(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'assessment', ...a })));
    await ensureTables(strapi);
    await grantUsers(strapi);
    await syncVersions(strapi);
  },
  routes,
  controllers: {
    public: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).public,
    admin: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).admin,
  },
  services: {
    people: ({ strapi }: { strapi: Core.Strapi }) => ({ forget: (userId: number) => forgetPerson(strapi, userId), forgetChild: (childId: number) => forgetChild(strapi, childId) }),
    versions: ({ strapi }: { strapi: Core.Strapi }) => ({ sync: () => syncVersions(strapi) }),
  },
};
