import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy (docker-compose, production) the client address comes from it; never
  // trust X-Forwarded-For from the open internet.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: {
    keys: env.array('APP_KEYS')!,
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: !['warn', 'error'].includes(env('LOG_LEVEL', 'http')) },
  },
  cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
  webhooks: {
    populateRelations: false,
  },
});

export default config;
