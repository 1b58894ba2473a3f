import { factories } from '@strapi/strapi';

// Read-only over the content API: content managers edit in the admin panel.
export default factories.createCoreRouter('api::locality.locality', {
  only: ['find', 'findOne'],
  config: {
    find: { middlewares: ['api::locality.default-populate'] },
    findOne: { middlewares: ['api::locality.default-populate'] },
  },
});
