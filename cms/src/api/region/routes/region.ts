import { factories } from '@strapi/strapi';

// Read-only over the content API: the regions are reference data.
export default factories.createCoreRouter('api::region.region', { only: ['find', 'findOne'] });
