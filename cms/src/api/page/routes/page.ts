import { factories } from '@strapi/strapi';
import { defaultPopulate, IMAGE_FIELDS } from '../../../lib/default-populate';

const populate = defaultPopulate({
  blocks: {
    on: {
      'page.rich-text': true,
      'page.image': { populate: { image: IMAGE_FIELDS } },
      'page.call-to-action': true,
      'page.accordion': { populate: { items: true } },
    },
  },
});

// Read-only over the content API: content managers edit in the admin panel.
export default factories.createCoreRouter('api::page.page', {
  only: ['find', 'findOne'],
  config: { find: { middlewares: [populate] }, findOne: { middlewares: [populate] } },
});
