import { factories } from '@strapi/strapi';
import { defaultPopulate } from '../../../lib/default-populate';

const populate = defaultPopulate({
  skills: true,
  riasec: true,
  demand: true,
  specialties: { fields: ['key', 'code', 'level', 'name'] },
});

// Read-only over the content API: content managers edit in the admin panel.
export default factories.createCoreRouter('api::profession.profession', {
  only: ['find', 'findOne'],
  config: { find: { middlewares: [populate] }, findOne: { middlewares: [populate] } },
});
