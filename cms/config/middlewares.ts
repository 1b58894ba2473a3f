import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'global::request-log',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::query-guard',
  // The raw body is kept beside the parsed one: the call-centre webhook's signature is over the bytes sent.
  { name: 'strapi::body', config: { includeUnparsed: true } },
  'global::auth-rate-limit',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
