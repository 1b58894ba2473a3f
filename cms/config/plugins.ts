import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Short access tokens tied to revocable sessions (refresh tokens kept in the database).
      jwtManagement: 'refresh',
      sessions: {
        accessTokenLifespan: env.int('ACCESS_TOKEN_MINUTES', 30) * 60,
        httpOnly: true,
      },
      // Registration takes exactly the fields of R-AUTH-1 (checked in
      // src/extensions/users-permissions); `language` is set from the request, not by the client.
      // Replaced by global::auth-rate-limit, whose counters live in the database and so hold
      // across every CMS instance (Strapi's own keeps them in each process's memory).
      ratelimit: { enabled: false },
      register: {
        allowedFields: ['surname', 'firstName', 'patronymic', 'gender', 'birthDate', 'region', 'locality', 'phone', 'education', 'userType', 'language'],
      },
    },
  },
  // The call-centre telephony integrations and their signing secrets, as `id:secret,id2:secret2`.
  crm: {
    config: { callCentreSecrets: env('CALL_CENTRE_SECRETS', '') },
  },
  // The specialists' private documents (ID, diplomas): the largest file accepted, in bytes.
  talent: {
    config: { documentMaxBytes: env.int('TALENT_DOCUMENT_MAX_BYTES', 5 * 1024 * 1024) },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 10 * 1024 * 1024),
      // The site makes its own responsive images at build time; the CMS keeps one thumbnail.
      breakpoints: {},
      security: {
        allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/pdf'],
        deniedTypes: ['image/svg+xml'],
      },
    },
  },
});

export default config;
