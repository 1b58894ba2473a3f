import { factories } from '@strapi/strapi';
import { defaultPopulate, IMAGE_FIELDS } from '../../../lib/default-populate';

const populate = defaultPopulate({ cover: IMAGE_FIELDS });

// Read-only over the content API: content managers edit in the admin panel.
export default factories.createCoreRouter('api::news.news', {
  only: ['find', 'findOne'],
  config: { find: { middlewares: [populate] }, findOne: { middlewares: [populate] } },
});
