/**
 * The assessment plugin's server: versions of the tests authored in the CMS, attempts that
 * survive lost connections, scoring, the person's profile and recommendations with an explained
 * % fit (R-TEST-1, R-CMS-2, R-REC-1, R-NFR-5, R-NFR-6).
 */
import type { Core } from '@strapi/strapi';
import { grantOnce } from '@qabilet/strapi-plugin-booking/dist/server/grants';
import routes, { USER_ACTIONS } from './routes';
import makeControllers from './controllers';
import { ensureTables } from './tables';
import { registerVersioning, syncVersions } from './versions';
import { forgetChild, forgetPerson } from './forget';

const ACTIONS = [
  { uid: 'read', displayName: 'See test results of people in scope (specialists: those they consult; coordinators: their region)' },
  { uid: 'recommend', displayName: 'Add written recommendations to a person’s card' },
];

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerVersioning(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'assessment', ...a })));
    await ensureTables(strapi);
    await grantOnce(strapi, 'assessment', USER_ACTIONS);
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
