/**
 * Demo data of `npm start` for the registry of talents (issue 18): a parent in Almaty and their
 * daughter of 15, who took the interests test twice, three days apart, answering the investigative
 * statements at the top of the scale — so the written rule finds her a confirmed talent — and who
 * has a request at the Almaty centre, where the demo specialist works. The demo coordinator (East
 * Kazakhstan) does not see her: another region's. Everything goes through the same services as the
 * site (accounts, consents, the runner's steps, the registry of requests).
 */
import type { Core } from '@strapi/strapi';
import type { AnswerValue, Item } from '@qabilet/domain';
import { recordConsentForChild, recordOwnConsent } from '../accounts/consent';
import { generatePassword } from './admin';

const EMAIL = 'demo.parent@qabilet.example';
const REGION = 'KZ-75';
const LOCALITY = 'kz-75-almaty';

type Person = { key: string; userId: number; childId: number | null; birthDate: string; region: string; name: string };

/** Seeds the family once; answers whether it did. */
export async function seedDemoTalent(strapi: Core.Strapi, now = new Date()): Promise<boolean> {
  const users = strapi.db.query('plugin::users-permissions.user');
  if (await users.findOne({ where: { email: EMAIL } })) return false;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const parent = await strapi.plugin('users-permissions').service('user').add({
    username: EMAIL,
    email: EMAIL,
    provider: 'local',
    password: generatePassword(),
    confirmed: true,
    blocked: false,
    role: role.id,
    surname: 'Сейітова',
    firstName: 'Гүлнар',
    gender: 'female',
    birthDate: '1984-03-08',
    region: REGION,
    locality: LOCALITY,
    phone: '+77015550175',
    education: 'university',
    userType: 'parent',
    language: 'kk',
  });
  await recordOwnConsent(strapi, parent.id, 'kk');
  const child = await strapi.documents('api::child.child').create({
    data: {
      parent: parent.id,
      surname: 'Сейітова',
      firstName: 'Әлия',
      gender: 'female',
      birthDate: `${now.getUTCFullYear() - 15}-02-14`,
      region: REGION,
      locality: LOCALITY,
      education: 'school-9',
    } as never,
  });
  const childRow = await strapi.db.query('api::child.child').findOne({ where: { documentId: child.documentId } });
  await recordConsentForChild(strapi, parent.id, childRow.id, 'kk');
  const person = (await strapi.plugin('assessment').service('people').own(parent.id, child.documentId)) as Person;
  // Investigative statements at the top, the others at the bottom (a reverse-keyed one the other way).
  const choose = (item: Item): AnswerValue => ((item.scale === 'investigative') !== !!item.reverse ? (item.points ?? 5) : 1);
  const attempts = strapi.plugin('assessment').service('attempts');
  await attempts.takeWhole(person, 'interests', choose, new Date(now.getTime() - 3 * 86_400_000));
  await attempts.takeWhole(person, 'interests', choose, new Date(now.getTime() - 3_600_000));
  await strapi.db.query('plugin::crm.request').create({
    data: {
      source: 'staff',
      status: 'open',
      service: 'consultation',
      format: 'offline',
      personKind: 'child',
      userId: parent.id,
      childId: childRow.id,
      phone: '+77015550175',
      region: REGION,
      centre: 'almaty',
      language: 'kk',
      wish: 'Демо: кәсіптік бағдар бойынша кеңес',
      consent: null,
      history: [{ at: now.toISOString(), by: { kind: 'system' }, action: 'created', changes: { status: 'open', source: 'staff' } }],
      isDemo: true,
    },
  });
  return true;
}
