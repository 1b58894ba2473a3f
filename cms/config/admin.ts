import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  autoOpen: false,
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // Strapi's own limit on admin log-ins (5 in 5 minutes per address and e-mail), multiplied like ours
  // by RATE_LIMIT_SCALE (the test suite logs the same staff in many times).
  rateLimit: { enabled: true, interval: 5 * 60_000, max: 5 * (Number(env('RATE_LIMIT_SCALE', '1')) || 1) },
  // No marketing prompts or calls to outside services from a public-sector admin panel.
  flags: {
    nps: false,
    promoteEE: false,
    docLinks: true,
  },
});

export default config;
