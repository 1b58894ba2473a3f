import crypto from 'node:crypto';
import request from 'supertest';
import { ctx } from '../setup/context.ts';
import { requireCms } from '../../scripts/lib/strapi.mjs';

export const api = () => request(ctx.cmsUrl);

/** A valid registration of a Kazakh-speaking pupil; each call gets its own address. */
export function pupil(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    surname: 'Сейітқали',
    firstName: 'Әлия',
    patronymic: 'Нұрланқызы',
    gender: 'female',
    birthDate: '2011-04-12',
    region: 'KZ-63',
    locality: 'kz-63-oskemen',
    email: `aliya.${crypto.randomBytes(4).toString('hex')}@example.kz`,
    phone: '8 701 123 45 67',
    education: 'school-9',
    userType: 'pupil',
    password: 'Qabilet2026',
    ...overrides,
  };
}

export const userCount = () => ctx.strapi.db.query('plugin::users-permissions.user').count();

/** Registers someone, confirms the address straight in the database, logs in; returns the session. */
export async function confirmedUser(overrides: Record<string, unknown> = {}) {
  const body = pupil(overrides);
  const res = await api().post('/api/auth/local/register').send(body).expect(200);
  await ctx.strapi.db.query('plugin::users-permissions.user').update({ where: { id: res.body.user.id }, data: { confirmed: true } });
  const login = await api().post('/api/auth/local').send({ identifier: body.email, password: body.password }).expect(200);
  return {
    id: res.body.user.id as number,
    documentId: res.body.user.documentId as string,
    email: String(body.email),
    password: String(body.password),
    jwt: login.body.jwt as string,
  };
}

/** Runs `fn` while the CMS's mail relay is unreachable (a closed port), then puts the relay back. */
export async function withMailRelayDown<T>(fn: () => Promise<T>): Promise<T> {
  const { closeMailer } = requireCms(ctx.distDir, 'src/accounts/mailer.js');
  const port = process.env.SMTP_PORT;
  process.env.SMTP_PORT = '9';
  closeMailer();
  try {
    return await fn();
  } finally {
    process.env.SMTP_PORT = port;
    closeMailer();
  }
}
