import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ensureLocalized, type Locale, type Trilingual } from './localized';
import { ensureDemoImage, type DemoPicture } from './demo-images';

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

const pictureText: Record<DemoPicture, { alt: Trilingual; caption: Trilingual }> = {
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

/** The 17 centres are demo data, seeded once; a content manager's later edits are kept. */
export async function seedCentres(strapi: Core.Strapi, regions: Map<string, string>): Promise<void> {
  const file = path.join(strapi.dirs.app.root, 'data', 'centres.json');
  const rows = JSON.parse(await fs.readFile(file, 'utf8')) as CentreRow[];
  let created = 0;
  for (const [index, row] of rows.entries()) {
    const hue = Math.round((index * 360) / rows.length);
    const pictures: DemoPicture[] = ['building', 'room'];
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
