import type { Core } from '@strapi/strapi';

/** An address's origin (`https://qabilet.kz`), or nothing when it is not a URL. */
const originOf = (value: string | undefined): string[] => {
  try {
    // A file: or data: address has the opaque origin "null", which sandboxed frames send: never allowed.
    const origin = value ? new URL(value).origin : 'null';
    return origin === 'null' ? [] : [origin];
  } catch {
    return [];
  }
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'global::request-log',
  'strapi::errors',
  'strapi::security',
  {
    // Strapi's default reflects any origin with credentials. Only the site, the CMS itself (the
    // admin) and origins named in CORS_ORIGINS may call with the session cookie; no partner route is
    // called from a partner's page (their calls are server to server or top-level navigations).
    // Read on each request: the test suite learns the site's address after the CMS has booted.
    name: 'strapi::cors',
    config: {
      origin: () => [
        ...originOf(env('SITE_URL', 'http://localhost:4321')),
        ...originOf(env('PUBLIC_URL', '')),
        // The admin on a developer's machine, where PUBLIC_URL is usually unset.
        ...(env('NODE_ENV') === 'production' ? [] : originOf(`http://localhost:${env('PORT', '1337')}`)),
        ...env('CORS_ORIGINS', '')
          .split(',')
          .map((o: string) => o.trim())
          .filter(Boolean)
          .flatMap(originOf),
      ],
      credentials: true,
      maxAge: 600,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'global::query-guard',
  // The raw body is kept beside the parsed one: the call-centre webhook's and the partners'
  // signatures are over the bytes sent. JSON up to 8 MB: a desktop export of 5 MB in base64.
  { name: 'strapi::body', config: { includeUnparsed: true, jsonLimit: '8mb' } },
  // Uploaded files are checked by their bytes, whatever their name and declared type say.
  'global::upload-guard',
  // Content Manager reads of people's records are written to the audit log.
  'global::personal-data-audit',
  'global::auth-rate-limit',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
