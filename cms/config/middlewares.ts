import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'global::request-log',
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
