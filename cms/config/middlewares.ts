import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::query-guard',
  'strapi::body',
  'global::auth-rate-limit',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
