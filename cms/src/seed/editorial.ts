import type { Core } from '@strapi/strapi';
import { readDataFile } from './data-file';
import { ensureLocalized, LOCALES, type Locale, type Trilingual } from './localized';
import { ensureDemoImage, type DemoPicture } from './demo-images';
import { toBlocks } from './blocks';

type Lines = Record<Locale, string[]>;
type NewsRow = { slug: string; date: string; cover: DemoPicture; coverAlt: Trilingual; title: Trilingual; summary: Trilingual; body: Lines };
type FaqRow = { key: string; category: string; question: Trilingual; answer: Lines };
type BlockRow =
  | { type: 'text'; body: Lines }
  | { type: 'image'; picture: DemoPicture; alt: Trilingual; caption?: Trilingual }
  | { type: 'cta'; title: Trilingual; text?: Trilingual; label: Trilingual; href: string }
  | { type: 'accordion'; title?: Trilingual; items: Array<{ question: Trilingual; answer: Lines }> };
type PageRow = { slug: string; title: Trilingual; summary: Trilingual; blocks: BlockRow[] };

const hueOf = (text: string): number => [...text].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) % 360, 7);

/** News, the FAQ and the static pages, published in three languages: demo data, seeded once. */
export async function seedEditorial(strapi: Core.Strapi): Promise<void> {
  let created = 0;
  for (const row of await readDataFile<NewsRow[]>(strapi, 'news.json')) {
    const cover = await ensureDemoImage(strapi, `news-${row.slug}.webp`, row.cover, hueOf(row.slug), row.coverAlt.en);
    const result = await ensureLocalized(
      strapi,
      'api::news.news',
      { field: 'slug', value: row.slug },
      { slug: row.slug, isDemo: true, date: row.date, cover },
      (locale) => ({ title: row.title[locale], summary: row.summary[locale], coverAlt: row.coverAlt[locale], body: toBlocks(row.body[locale]) }),
      { publish: true },
    );
    created += result.created;
  }

  const faq = await readDataFile<FaqRow[]>(strapi, 'faq.json');
  for (const [order, row] of faq.entries()) {
    const result = await ensureLocalized(
      strapi,
      'api::faq.faq',
      { field: 'key', value: row.key },
      { key: row.key, isDemo: true, category: row.category, order },
      (locale) => ({ question: row.question[locale], answer: toBlocks(row.answer[locale]) }),
      { publish: true },
    );
    created += result.created;
  }

  for (const row of await readDataFile<PageRow[]>(strapi, 'pages.json')) {
    const images = new Map<number, number>();
    for (const [index, block] of row.blocks.entries()) {
      if (block.type === 'image')
        images.set(index, await ensureDemoImage(strapi, `page-${row.slug}-${index}.webp`, block.picture, hueOf(row.slug), block.alt.en));
    }
    const blocksIn = (locale: Locale) =>
      row.blocks.map((block, index) => {
        switch (block.type) {
          case 'text':
            return { __component: 'page.rich-text', body: toBlocks(block.body[locale]) };
          case 'image':
            return { __component: 'page.image', image: images.get(index), alt: block.alt[locale], caption: block.caption?.[locale] ?? null };
          case 'cta':
            return {
              __component: 'page.call-to-action',
              title: block.title[locale],
              text: block.text?.[locale] ?? null,
              label: block.label[locale],
              href: block.href,
            };
          case 'accordion':
            return {
              __component: 'page.accordion',
              title: block.title?.[locale] ?? null,
              items: block.items.map((item) => ({ question: item.question[locale], answer: toBlocks(item.answer[locale]) })),
            };
        }
      });
    const result = await ensureLocalized(
      strapi,
      'api::page.page',
      { field: 'slug', value: row.slug },
      { slug: row.slug, isDemo: true },
      (locale) => ({ title: row.title[locale], summary: row.summary[locale], blocks: blocksIn(locale) }),
      { publish: true },
    );
    created += result.created;
  }
  if (created) strapi.log.info(`[seed] news, FAQ and pages: ${created} entries created (demo data), in ${LOCALES.join(', ')}`);
}
