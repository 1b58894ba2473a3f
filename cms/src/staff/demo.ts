import type { Core } from '@strapi/strapi';
import { generatePassword } from '../seed/admin';

/** One demo account per staff role, each with a profile at a demo centre. */
const DEMO_STAFF = [
  { code: 'qabilet-specialist', email: 'specialist@qabilet.example', firstname: 'Айгерім', lastname: 'Демо', centre: 'almaty', position: 'Psychologist' },
  {
    code: 'qabilet-call-centre-operator',
    email: 'operator@qabilet.example',
    firstname: 'Дәурен',
    lastname: 'Демо',
    centre: 'astana',
    position: 'Call-centre operator',
  },
  { code: 'qabilet-content-manager', email: 'content@qabilet.example', firstname: 'Сәуле', lastname: 'Демо', centre: 'astana', position: 'Content manager' },
  {
    code: 'qabilet-regional-coordinator',
    email: 'coordinator@qabilet.example',
    firstname: 'Ерлан',
    lastname: 'Демо',
    centre: 'east-kazakhstan',
    position: 'Regional coordinator',
  },
  { code: 'qabilet-project-curator', email: 'curator@qabilet.example', firstname: 'Гүлнар', lastname: 'Демо', centre: 'astana', position: 'Project curator' },
];

/**
 * Seeded only with SEED_DEMO=true (npm start sets it): accounts that exist are left alone; new ones
 * get a generated password, printed once on the console and stored nowhere else.
 */
export async function seedDemoStaff(strapi: Core.Strapi, roles: Map<string, number>): Promise<Array<{ email: string; password: string; role: string }>> {
  const created: Array<{ email: string; password: string; role: string }> = [];
  for (const demo of DEMO_STAFF) {
    if (await strapi.db.query('admin::user').findOne({ where: { email: demo.email } })) continue;
    const password = generatePassword();
    const user = await strapi.service('admin::user').create({
      email: demo.email,
      firstname: demo.firstname,
      lastname: demo.lastname,
      password,
      isActive: true,
      registrationToken: null,
      roles: [roles.get(demo.code)],
    });
    const centre = await strapi.db.query('api::centre.centre').findOne({ where: { slug: demo.centre, locale: 'kk' }, populate: { region: true } });
    await strapi.documents('api::staff-profile.staff-profile').create({
      data: { user: user.id, centre: centre?.documentId, region: centre?.region?.documentId, position: demo.position, isDemo: true } as never,
    });
    created.push({ email: demo.email, password, role: demo.code });
  }
  if (created.length) {
    process.stdout.write(
      '\n  Demo staff accounts (passwords shown only now):\n' +
        created.map((c) => `    ${c.role.replace('qabilet-', '').padEnd(22)} ${c.email}  ${c.password}`).join('\n') +
        '\n\n' +
        `QABILET_DEMO_STAFF ${JSON.stringify(created)}\n`,
    );
  }
  return created;
}
