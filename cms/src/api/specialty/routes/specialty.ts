import { factories } from '@strapi/strapi';

// Read-only over the content API: content managers edit in the admin panel.
export default factories.createCoreRouter('api::specialty.specialty', { only: ['find', 'findOne'] });
