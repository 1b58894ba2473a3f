import type { Core } from '@strapi/strapi';
import { seed } from './seed';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.QABILET_SEED === 'false') return;
    await seed(strapi);
  },
};
