import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'global::request-log',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::query-guard',
  // The raw body is kept beside the parsed one: the call-centre webhook's and the partners'
  // signatures are over the bytes sent. JSON up to 8 MB: a desktop export of 5 MB in base64.
  { name: 'strapi::body', config: { includeUnparsed: true, jsonLimit: '8mb' } },
  'global::auth-rate-limit',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
