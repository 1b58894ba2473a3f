import { factories } from '@strapi/strapi';
import { defaultPopulate } from '../../../lib/default-populate';

const populate = defaultPopulate({
  region: { fields: ['code', 'name'] },
  locality: { fields: ['key', 'name'] },
  specialties: { fields: ['key', 'code', 'level', 'name'] },
});

// Read-only over the content API: content managers edit in the admin panel.
export default factories.createCoreRouter('api::institution.institution', {
  only: ['find', 'findOne'],
  config: { find: { middlewares: [populate] }, findOne: { middlewares: [populate] } },
});
