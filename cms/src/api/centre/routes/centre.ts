import { factories } from '@strapi/strapi';

// Read-only over the content API: content managers edit in the admin panel.
export default factories.createCoreRouter('api::centre.centre', {
  only: ['find', 'findOne'],
  config: {
    find: { middlewares: ['api::centre.default-populate'] },
    findOne: { middlewares: ['api::centre.default-populate'] },
  },
});
