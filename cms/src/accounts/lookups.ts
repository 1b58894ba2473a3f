import type { Core } from '@strapi/strapi';
import type { RegistrationLookups } from './registration';

/** Registration's questions to the database, each one indexed query. */
export function registrationLookups(strapi: Core.Strapi): RegistrationLookups {
  return {
    async regionExists(code) {
      return (await strapi.db.query('api::region.region').count({ where: { code } })) > 0;
    },
    async localityRegion(key) {
      const locality = await strapi.db.query('api::locality.locality').findOne({
        where: { key },
        populate: { region: { select: ['code'] } },
      });
      return locality?.region?.code;
    },
    async emailTaken(email) {
      return (await strapi.db.query('plugin::users-permissions.user').count({ where: { email: { $eqi: email } } })) > 0;
    },
  };
}
