import { factories } from '@strapi/strapi';
import { defaultPopulate } from '../../../lib/default-populate';

const populate = defaultPopulate({ region: { fields: ['code'] }, centre: { fields: ['slug'] } });

// Read-only over the content API: content managers edit in the admin panel.
export default factories.createCoreRouter('api::statistic.statistic', {
  only: ['find', 'findOne'],
  config: { find: { middlewares: [populate] }, findOne: { middlewares: [populate] } },
});
