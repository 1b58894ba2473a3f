import type { Core } from '@strapi/strapi';
import { anonymiseDueAccounts } from '../src/accounts/deletion';

export default {
  // Every night at 03:00 Kazakhstan time: accounts whose deletion was requested more than the
  // grace period ago are anonymised. Safe on several instances at once: each row is done once.
  anonymiseDeletedAccounts: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const count = await anonymiseDueAccounts(strapi);
      if (count) strapi.log.info(`[accounts] anonymised ${count} account(s) after the grace period`);
    },
    options: { rule: '0 3 * * *', tz: 'Asia/Almaty' },
  },
};
