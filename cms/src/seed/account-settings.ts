import type { Core } from '@strapi/strapi';

/** Self-registration with e-mail confirmation, one account per address, the authenticated role. */
export async function configureAccounts(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const current = ((await store.get()) as Record<string, unknown> | null) ?? {};
  await store.set({
    value: {
      ...current,
      unique_email: true,
      allow_register: true,
      email_confirmation: true,
      default_role: 'authenticated',
      email_confirmation_redirection: `${(process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/$/, '')}/kk/account/confirmed/`,
    },
  });
}
