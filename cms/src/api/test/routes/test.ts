import { factories } from '@strapi/strapi';

// Tests hold their scoring keys: no public route reads them. Takers get a version without keys
// through the assessment plugin; content managers edit in the admin panel.
export default factories.createCoreRouter('api::test.test', { only: [] });
