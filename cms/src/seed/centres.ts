import type { Core } from '@strapi/strapi';
import { readDataFile } from './data-file';
import { ensureLocalized, type Locale, type Trilingual } from './localized';
import { ensureDemoImage } from './demo-images';

type CentreRow = {
  slug: string;
  region: string;
  regionsServed: string[];
  city: Trilingual;
  name: Trilingual;
  summary: Trilingual;
  description: Trilingual;
  address: Trilingual;
  directions: Trilingual;
  phone: string;
  email: string;
  latitude: number;
  longitude: number;
  hours: Array<{ day: string; opens: string; closes: string }>;
};

const pictureText: Record<'building' | 'room', { alt: Trilingual; caption: Trilingual }> = {
  building: {
    alt: {
      kk: 'Демо-сурет: көп терезелі орталық ғимараты, алдында ағаштар',
      ru: 'Демо-иллюстрация: здание центра с рядами окон и деревьями перед входом',
      en: 'Demo illustration: the centre building with rows of windows and trees by the entrance',
    },
    caption: {
      kk: 'Орталық ғимараты (демо-иллюстрация)',
      ru: 'Здание центра (демо-иллюстрация)',
      en: 'The centre building (demo illustration)',
    },
  },
  room: {
    alt: {
      kk: 'Демо-сурет: кеңес бөлмесі, үстел басында екі адам, қабырғада тақта',
      ru: 'Демо-иллюстрация: кабинет консультаций, два человека за столом, на стене доска',
      en: 'Demo illustration: a consultation room with two people at a table and a board on the wall',
    },
    caption: {
      kk: 'Кеңес бөлмесі (демо-иллюстрация)',
      ru: 'Кабинет консультаций (демо-иллюстрация)',
      en: 'Consultation room (demo illustration)',
    },
  },
};

const SERVICES: Array<{ name: Trilingual; description: Trilingual }> = [
  {
    name: { kk: 'Жеке кәсіби бағдар беру кеңесі', ru: 'Индивидуальная профориентационная консультация', en: 'Individual career consultation' },
    description: {
      kk: 'Маман сіздің қызығушылықтарыңыз бен қабілеттеріңізді талқылап, мамандық пен оқу орнын таңдауға көмектеседі.',
      ru: 'Специалист обсуждает ваши интересы и способности и помогает выбрать профессию и место учёбы.',
      en: 'A specialist talks through your interests and abilities and helps you choose a profession and a place to study.',
    },
  },
  {
    name: { kk: 'Қабілеттерді диагностикалау және тестілеу', ru: 'Диагностика способностей и тестирование', en: 'Ability assessment and testing' },
    description: {
      kk: 'Қызығушылықтар (RIASEC) мен қабілеттерге арналған тесттер, нәтижесін маман түсіндіреді.',
      ru: 'Тесты интересов (RIASEC) и способностей, результаты объясняет специалист.',
      en: 'Interest (RIASEC) and ability tests, with the results explained by a specialist.',
    },
  },
  {
    name: { kk: 'Онлайн кеңес (бейнебайланыс)', ru: 'Онлайн-консультация (видеосвязь)', en: 'Online consultation (video)' },
    description: {
      kk: 'Орталыққа келу мүмкін болмаса, кеңесті бейнебайланыс арқылы алуға болады.',
      ru: 'Если прийти в центр нельзя, консультацию можно получить по видеосвязи.',
      en: 'If you cannot come to the centre, you can have the consultation by video.',
    },
  },
  {
    name: { kk: 'Ата-аналарға арналған кеңес', ru: 'Консультация для родителей', en: 'Consultation for parents' },
    description: {
      kk: 'Баланың қабілетін қалай қолдау және мамандық таңдауда қалай көмектесу туралы.',
      ru: 'О том, как поддержать способности ребёнка и помочь ему с выбором профессии.',
      en: 'How to support a child’s abilities and help with choosing a profession.',
    },
  },
  {
    name: { kk: 'Мектептерге арналған топтық сабақтар', ru: 'Групповые занятия для школ', en: 'Group sessions for schools' },
    description: {
      kk: 'Сыныптарға арналған кәсіби бағдар беру сабақтары мен тренингтер, алдын ала келісім бойынша.',
      ru: 'Профориентационные занятия и тренинги для классов, по предварительной договорённости.',
      en: 'Career-guidance lessons and workshops for school classes, by arrangement.',
    },
  },
];

/** The 17 centres are demo data, seeded once; a content manager's later edits are kept. */
export async function seedCentres(strapi: Core.Strapi, regions: Map<string, string>): Promise<void> {
  const rows = await readDataFile<CentreRow[]>(strapi, 'centres.json');
  let created = 0;
  for (const [index, row] of rows.entries()) {
    const hue = Math.round((index * 360) / rows.length);
    const pictures = ['building', 'room'] as const;
    const ids = await Promise.all(
      pictures.map((picture) => ensureDemoImage(strapi, `centre-${row.slug}-${picture}.webp`, picture, hue, pictureText[picture].alt.en)),
    );
    const images = new Map(pictures.map((picture, i) => [picture, ids[i]]));
    const regionOf = (code: string): string => {
      const id = regions.get(code);
      if (!id) throw new Error(`centres.json: ${row.slug} names unknown region ${code}`);
      return id;
    };
    const result = await ensureLocalized(
      strapi,
      'api::centre.centre',
      { field: 'slug', value: row.slug },
      {
        slug: row.slug,
        isDemo: true,
        phone: row.phone,
        email: row.email,
        latitude: row.latitude,
        longitude: row.longitude,
        hours: row.hours,
        region: regionOf(row.region),
        regions: row.regionsServed.map(regionOf),
      },
      (locale: Locale) => ({
        name: row.name[locale],
        city: row.city[locale],
        summary: row.summary[locale],
        description: row.description[locale],
        address: row.address[locale],
        directions: row.directions[locale],
        services: SERVICES.map((service) => ({ name: service.name[locale], description: service.description[locale] })),
        gallery: pictures.map((picture) => ({
          image: images.get(picture),
          alt: pictureText[picture].alt[locale],
          caption: pictureText[picture].caption[locale],
        })),
      }),
    );
    created += result.created;
  }
  if (created) strapi.log.info(`[seed] centres: ${created} entries created (demo data)`);
}
