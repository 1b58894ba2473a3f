import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

export class AdminSettingsError extends Error {
  readonly code = 'ADMIN_SETTINGS';
}

const DEFAULT_EMAIL = 'admin@qabilet.example';

/** Strapi's own rule for admin passwords: 8–72 characters, a lower and an upper case letter, a digit. */
export function isStrongEnough(password: string): boolean {
  return password.length >= 8 && Buffer.byteLength(password) <= 72 && /[a-z]/.test(password) && /[A-Z]/.test(password) && /\d/.test(password);
}

export function generatePassword(): string {
  // 20 random characters, then one of each required class, shuffled so their place gives nothing away.
  const chars = [...crypto.randomBytes(15).toString('base64url'), 'q', 'Q', String(crypto.randomInt(10))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

/**
 * The first super-admin comes from ADMIN_EMAIL / ADMIN_PASSWORD. Without a password one is generated
 * and printed once on the console (never to the log files nor stored), so no install ever runs with
 * a known default password.
 */
export async function seedSuperAdmin(strapi: Core.Strapi): Promise<void> {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const email = (process.env.ADMIN_EMAIL?.trim() || DEFAULT_EMAIL).toLowerCase();
  const given = process.env.ADMIN_PASSWORD;
  if (given !== undefined && given !== '' && !isStrongEnough(given)) {
    throw new AdminSettingsError('ADMIN_PASSWORD is too weak: use 8 to 72 characters with a lower-case letter, an upper-case letter and a digit.');
  }
  const password = given || generatePassword();
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email,
    firstname: 'Qabilet',
    lastname: 'Administrator',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  if (!given) {
    process.stdout.write(
      `\n  Qabilet admin created: ${email}\n  One-time password: ${password}\n` +
        '  It is shown only now. Change it in the admin panel (Profile), or reset it with\n' +
        '  npm run strapi -w cms -- admin:reset-user-password\n\n' +
        `QABILET_ADMIN_ONE_TIME ${JSON.stringify({ email, password })}\n`,
    );
  }
}
