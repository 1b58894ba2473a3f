// Registry of users figures (part of `npm run bench`, or alone: `node bench/talent.mjs`): on a
// throwaway PostgreSQL cluster, 200 000 people in the registry (plugin talent) with Kazakh names
// written in Cyrillic and, for a fifth of them, in Latin; the latency of the admin list
// (`GET /talent/people`, over HTTP, with audit) for the searches and filters staff use, as the super
// admin (whole country), a regional coordinator and a specialist. The target: search p95
// under 50 ms. Figures, not pass/fail.
import { checkNode } from '../scripts/lib/env.mjs';
import { adminLogin, benchCms, ms, percentile, pick, seededRandom, staffToken } from './lib.mjs';

checkNode();
const ROWS = Number(process.env.BENCH_PEOPLE ?? 200_000);
const RUNS = 40;
const WARM = 5;

const SURNAMES = [
  'Нұрланов',
  'Сәтбаев',
  'Омаров',
  'Ахметов',
  'Жұмабеков',
  'Серікбаев',
  'Қасымов',
  'Төлеуов',
  'Әбілов',
  'Байжанов',
  'Ермеков',
  'Құрманов',
  'Мұхамедов',
  'Исаев',
  'Оспанов',
  'Рахимов',
  'Сұлтанов',
  'Тоқтаров',
  'Үсенов',
  'Шәкенов',
  'Ыбыраев',
  'Есенов',
  'Жақыпов',
  'Кенжебаев',
  'Әлімов',
  'Бекмұхамедов',
  'Дәулетов',
  'Ғабитов',
  'Иманғалиев',
  'Маратов',
  'Нұрмағамбетов',
  'Өтегенов',
  'Сағынтаев',
  'Тұрсынов',
  'Хасенов',
  'Шынболатов',
  'Аманов',
  'Бердібеков',
];
const FIRST = [
  'Айгерім',
  'Жандос',
  'Нұрсұлтан',
  'Қайрат',
  'Әсел',
  'Шынар',
  'Ерлан',
  'Дана',
  'Арман',
  'Гүлжан',
  'Алия',
  'Ильяс',
  'Мадина',
  'Ернар',
  'Аружан',
  'Бауыржан',
  'Динара',
  'Еркебұлан',
  'Жанерке',
  'Зарина',
  'Қанат',
  'Ләззат',
  'Мейірім',
  'Нұрлан',
  'Өмірзақ',
  'Сабина',
  'Тимур',
  'Ұлжан',
  'Халида',
  'Шұғыла',
  'Әділет',
  'Айдана',
  'Бекзат',
  'Гаухар',
  'Дамир',
  'Еламан',
  'Жұлдыз',
  'Інкәр',
  'Кәмила',
  'Мирас',
];
const PATRONYMIC = ['Нұрланұлы', 'Серікқызы', 'Болатұлы', 'Ерланқызы', 'Маратұлы', 'Асқарқызы', 'Қайратұлы', 'Дәулетқызы', 'Бекұлы', 'Ғаниқызы'];
const LATIN = { Айгерім: 'Aigerim', Жандос: 'Zhandos', Нұрсұлтан: 'Nursultan', Сәтбаев: 'Satbayev', Омаров: 'Omarov', Нұрланов: 'Nurlanov' };

/** Inserts `rows` people straight into the registry's tables, as the projection would write them. */
export async function fillPeople(strapi, rows) {
  const { personSearchText } = await import('@qabilet/domain');
  const knex = strapi.db.connection;
  const centres = await strapi.db
    .query('api::centre.centre')
    .findMany({ where: { locale: 'kk' }, select: ['slug'], populate: { region: { select: ['code'] }, regions: { select: ['code'] } } });
  const random = seededRandom(7);
  const now = Date.now();
  const services = ['request', 'booking', 'test', 'partner', 'desktop', 'waitlist'];
  for (let done = 0; done < rows; done += 2000) {
    const batch = [];
    const served = [];
    for (let i = 0; i < Math.min(2000, rows - done); i++) {
      const n = done + i;
      const centre = pick(centres, random());
      let surname = pick(SURNAMES, random());
      let firstName = pick(FIRST, random());
      if (random() < 0.2) [surname, firstName] = [LATIN[surname] ?? surname, LATIN[firstName] ?? firstName];
      const patronymic = random() < 0.7 ? pick(PATRONYMIC, random()) : null;
      const phone = `+77${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
      const email = random() < 0.8 ? `person${n}@example.kz` : null;
      const year = 1990 + Math.floor(random() * 30);
      const kind = random() < 0.15 ? 'child' : random() < 0.1 ? 'lead' : 'user';
      batch.push({
        person_key: `${kind[0]}:${n + 1_000_000}`,
        kind,
        user_id: kind === 'lead' ? null : n + 1_000_000,
        child_id: kind === 'child' ? n + 1_000_000 : null,
        surname,
        first_name: firstName,
        patronymic,
        phone,
        email,
        birth_date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        region: centre.region?.code ?? null,
        locality: null,
        education: pick(['school-9', 'school-11', 'college-2', 'university', 'graduate'], random()),
        user_type: pick(['pupil', 'student', 'parent'], random()),
        consent: pick(['given', 'given', 'given', 'pending', 'none'], random()),
        services: `,${services.filter(() => random() < 0.3).join(',')},`,
        last_activity_at: now - Math.floor(random() * 365 * 86_400_000),
        talent_status: random() < 0.05 ? 'candidate' : random() < 0.02 ? 'confirmed' : 'none',
        search: personSearchText({ surname, firstName, patronymic, phone, email }),
        updated_at: now,
      });
      if (random() < 0.4) served.push([batch.length - 1, pick(centres, random())]);
    }
    const ids = await knex('talent_people').insert(batch).returning('id');
    const idAt = (i) => ids[i].id ?? ids[i];
    const centreRows = served.map(([i, centre]) => ({ person_id: idAt(i), centre: centre.slug }));
    if (centreRows.length) await knex('talent_person_centres').insert(centreRows);
    // Where each lives, and the regions the centre that served them serves (a coordinator's scope).
    const regionRows = new Map();
    batch.forEach((p, i) => p.region && regionRows.set(`${idAt(i)}|${p.region}`, { person_id: idAt(i), region: p.region }));
    for (const [i, centre] of served) for (const r of centre.regions ?? []) regionRows.set(`${idAt(i)}|${r.code}`, { person_id: idAt(i), region: r.code });
    const regionList = [...regionRows.values()];
    for (let k = 0; k < regionList.length; k += 1000) await knex('talent_person_regions').insert(regionList.slice(k, k + 1000));
  }
  await knex.raw('VACUUM ANALYZE talent_people');
  await knex.raw('VACUUM ANALYZE talent_person_centres');
  await knex.raw('VACUUM ANALYZE talent_person_regions');
}

export async function benchTalent() {
  const { strapi, url, cluster, stop } = await benchCms('qabilet_bench_talent', { SEED_DEMO: 'true' });
  try {
    const t0 = performance.now();
    await fillPeople(strapi, ROWS);
    console.log(
      `\nRegistry of users (PostgreSQL ${cluster.version}; ${ROWS.toLocaleString('en')} people, search by pg_trgm; inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const now = Date.now();
    const admin = await adminLogin(url);
    const coordinator = await staffToken(strapi, url, 'qabilet-regional-coordinator', 'almaty-region');
    const specialist = await staffToken(strapi, url, 'qabilet-specialist', 'almaty-region');
    const somePhone = (await strapi.db.connection('talent_people').offset(12345).first('phone')).phone;
    const cases = [
      ['country, full name in Latin (Aygerim Nurlanova)', admin, { q: 'Aygerim Nurlanova' }, true],
      ['country, surname in Cyrillic (Сәтбаев)', admin, { q: 'Сәтбаев' }, true],
      ['country, part of a name (Жұмаб)', admin, { q: 'Жұмаб' }, true],
      ['country, three names (Ерлан Омаров Болатұлы)', admin, { q: 'Ерлан Омаров Болатұлы' }, true],
      ['country, 7 digits of a phone', admin, { q: somePhone.slice(-7) }, true],
      ['country, whole phone', admin, { q: somePhone }, true],
      ['country, e-mail', admin, { q: 'person123456@example.kz' }, true],
      ['country, name + age group + consent', admin, { q: 'Айгерім', ageGroup: 'age-19-29', consent: 'given' }, true],
      ['region, surname (Omarov)', coordinator, { q: 'Omarov' }, true],
      ['centre, first name (Zhandos)', specialist, { q: 'Zhandos' }, true],
      ['country, no search, page 1', admin, {}, false],
      ['country, talent candidates, region', admin, { talent: 'candidate', region: 'KZ-75' }, false],
      ['region, no search, page 1', coordinator, {}, false],
      ['region, service test, last 30 days', coordinator, { service: 'test', activeFrom: new Date(now - 30 * 86_400_000).toISOString().slice(0, 10) }, false],
    ];
    const searches = [];
    for (const [label, token, query, search] of cases) {
      const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      const times = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const res = await fetch(`${url}/talent/people?${qs}`, { headers: { Authorization: `Bearer ${token}` } });
        const body = await res.json();
        if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body.error)}`);
        times.push(performance.now() - t);
        total = body.meta.total;
      }
      const kept = times.slice(WARM);
      if (search) searches.push(...kept);
      console.log(`  ${label.padEnd(50)} ${String(total).padStart(7)} people  p50 ${ms(percentile(kept, 50))}  p95 ${ms(percentile(kept, 95))}`);
    }
    console.log(
      `  all searches above (after ${WARM} warm-up runs each, over HTTP with the audit line): p95 ${ms(percentile(searches, 95))} (target: under 50 ms)`,
    );
  } finally {
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTalent();
