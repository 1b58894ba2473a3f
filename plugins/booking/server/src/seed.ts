/**
 * What the plugin needs in every database: Kazakhstan's public holidays for this year and next,
 * a booking policy for every centre (defaults a centre then adjusts), and — once — demo
 * specialists at every centre, so that a newcomer can book right after `npm start`. The demo
 * specialist account (SEED_DEMO) is linked to the first specialist of its centre.
 */
import type { Core } from '@strapi/strapi';
import { kazakhstanHolidays, kzDate, type WorkingHours } from '@qabilet/domain';
import { forgetCache, HOLIDAY, POLICY, SPECIALIST } from './schedule';
import { forgetSlots } from './slots';

const WEEKDAYS_HOURS: WorkingHours[] = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).flatMap((day) => [
  { day, opens: '09:00', closes: '13:00' },
  { day, opens: '14:00', closes: '18:00' },
]);
const SATURDAY: WorkingHours[] = [{ day: 'sat', opens: '10:00', closes: '14:00' }];

/** Invented public names (first name and initial), two per centre. */
const DEMO_NAMES = [
  ['Айгерім Н.', 'Бауыржан С.'],
  ['Гүлжан Т.', 'Дархан Ә.'],
  ['Жанар К.', 'Ерлан М.'],
  ['Зарина Б.', 'Қайрат О.'],
  ['Ләззат Ж.', 'Марат Е.'],
  ['Нұргүл А.', 'Олжас Р.'],
  ['Перизат Д.', 'Руслан Х.'],
  ['Сәуле И.', 'Талғат У.'],
  ['Ұлжан Ф.', 'Фархад Ш.'],
  ['Шынар Г.', 'Ілияс П.'],
  ['Әсем В.', 'Нұрлан Л.'],
  ['Динара Ц.', 'Асқар Ч.'],
  ['Мөлдір Э.', 'Ержан Ю.'],
  ['Камила Я.', 'Самат Қ.'],
  ['Ақбота Ң.', 'Бекзат Ғ.'],
  ['Индира Ө.', 'Мирас Һ.'],
  ['Толқын Ү.', 'Даулет Ы.'],
];

export async function seedHolidays(strapi: Core.Strapi, now = new Date()): Promise<void> {
  const year = Number(kzDate(now).slice(0, 4));
  const existing = new Set((await strapi.db.query(HOLIDAY).findMany({ select: ['date'] })).map((h: { date: string }) => h.date));
  const store = strapi.store({ type: 'plugin', name: 'booking', key: 'holiday-years' });
  const seeded = new Set<number>(((await store.get()) as number[] | null) ?? []);
  for (const y of [year, year + 1]) {
    if (seeded.has(y)) continue;
    for (const h of kazakhstanHolidays(y)) if (!existing.has(h.date)) await strapi.db.query(HOLIDAY).create({ data: { date: h.date, key: h.key } });
    seeded.add(y);
  }
  await store.set({ value: [...seeded] });
}

export async function seedPolicies(strapi: Core.Strapi): Promise<void> {
  const centres = await strapi.db.query('api::centre.centre').findMany({ where: { locale: 'kk' }, select: ['slug'] });
  const existing = new Set((await strapi.db.query(POLICY).findMany({ select: ['centre'] })).map((p: { centre: string }) => p.centre));
  for (const { slug } of centres) {
    if (existing.has(slug)) continue;
    await strapi.db.query(POLICY).create({
      data: {
        centre: slug,
        horizonDays: 30,
        minNoticeMinutes: 120,
        changeNoticeMinutes: 720,
        autoConfirm: false,
        maxFuturePerService: 2,
        formats: ['offline', 'online'],
      },
    });
  }
}

export async function seedDemoSpecialists(strapi: Core.Strapi): Promise<void> {
  const centres = await strapi.db.query('api::centre.centre').findMany({ where: { locale: 'kk' }, select: ['slug'], orderBy: { slug: 'asc' } });
  for (const [i, { slug }] of centres.entries()) {
    for (const [j, name] of (DEMO_NAMES[i % DEMO_NAMES.length] ?? []).entries()) {
      await strapi.db.query(SPECIALIST).create({
        data: {
          name,
          centre: slug,
          isDemo: true,
          active: true,
          services: j === 0 ? ['consultation', 'testing'] : ['consultation'],
          formats: ['offline', 'online'],
          hours: j === 0 ? WEEKDAYS_HOURS : [...WEEKDAYS_HOURS, ...SATURDAY],
          timings: { consultation: { slotMinutes: 50, bufferMinutes: 10 }, testing: { slotMinutes: 90, bufferMinutes: 30 } },
        },
      });
    }
  }
}

/**
 * Links demo staff accounts with a specialist's role to the first specialist of their centre, who
 * then bears the account's name (first name and initial), so that a newcomer knows whom to book.
 */
export async function linkDemoSpecialists(strapi: Core.Strapi): Promise<void> {
  const profiles = await strapi.db.query('api::staff-profile.staff-profile').findMany({
    where: { isDemo: true, user: { roles: { code: 'qabilet-specialist' } } },
    populate: { centre: { select: ['slug'] }, user: { select: ['firstname', 'lastname'] } },
  });
  for (const profile of profiles) {
    if (!profile.centre?.slug || (await strapi.db.query(SPECIALIST).findOne({ where: { staffProfile: profile.id } }))) continue;
    const free = await strapi.db
      .query(SPECIALIST)
      .findOne({ where: { centre: profile.centre.slug, isDemo: true, staffProfile: { id: { $null: true } } }, orderBy: { id: 'asc' } });
    const name = [profile.user?.firstname, profile.user?.lastname ? `${profile.user.lastname[0]}.` : ''].filter(Boolean).join(' ');
    if (free) await strapi.db.query(SPECIALIST).update({ where: { id: free.id }, data: { staffProfile: profile.id, ...(name ? { name } : {}) } });
  }
}

/** Called by the CMS's seed once centres (and demo staff) exist. */
export async function seedBooking(strapi: Core.Strapi, options: { demo: boolean }): Promise<void> {
  await seedHolidays(strapi);
  await seedPolicies(strapi);
  if (options.demo) await seedDemoSpecialists(strapi);
  await linkDemoSpecialists(strapi);
  forgetCache();
  forgetSlots();
}
