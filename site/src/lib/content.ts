/**
 * The editorial content of the site (news, pages, FAQ, professions, institutions, statistics),
 * read from the CMS's public content API at build time.
 */
import type { AgeGroup, ServiceFormat, StatisticRow } from '@qabilet/domain';
import type { Locale } from '../i18n';
import { getAllFromCms } from './cms';

type Text = { type: 'text'; text: string; bold?: boolean; italic?: boolean; underline?: boolean; strikethrough?: boolean; code?: boolean };
type Link = { type: 'link'; url: string; children: Text[] };
export type Inline = Text | Link;
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: Array<{ type: 'list-item'; children: Inline[] } | Extract<Block, { type: 'list' }>> }
  | { type: 'quote'; children: Inline[] }
  | { type: 'code'; children: Text[] }
  | { type: 'image'; image: { url: string; alternativeText: string | null; width: number; height: number } };

export type Image = { url: string; width: number; height: number };

/** The words of rich text, for search. */
export function blocksText(nodes: ReadonlyArray<Block | Inline | { type: 'list-item'; children: Inline[] }>): string {
  return nodes.map((node) => ('text' in node ? node.text : 'children' in node ? blocksText(node.children as Inline[]) : '')).join(' ');
}

export type News = { slug: string; isDemo: boolean; date: string; title: string; summary: string; coverAlt: string; cover: Image; body: Block[] };
export type PageBlock =
  | { __component: 'page.rich-text'; id: number; body: Block[] }
  | { __component: 'page.image'; id: number; image: Image; alt: string; caption: string | null }
  | { __component: 'page.call-to-action'; id: number; title: string; text: string | null; label: string; href: string }
  | { __component: 'page.accordion'; id: number; title: string | null; items: Array<{ id: number; question: string; answer: Block[] }> };
export type Page = { slug: string; isDemo: boolean; title: string; summary: string | null; blocks: PageBlock[] };
export type Faq = { key: string; category: string; order: number; question: string; answer: Block[] };
export type SpecialtyRef = { key: string; code: string | null; level: 'college' | 'bachelor'; name: string };
export type Riasec = Record<'realistic' | 'investigative' | 'artistic' | 'social' | 'enterprising' | 'conventional', number>;
export type Profession = {
  slug: string;
  isDemo: boolean;
  name: string;
  sector: string;
  demandStatus: 'new' | 'growing' | 'stable' | 'declining';
  icon: string;
  summary: string;
  description: string;
  workLife: string;
  skills: Array<{ name: string }>;
  riasec: Riasec;
  demand: Array<{ year: number; openings: number }>;
  specialties: SpecialtyRef[];
};
export type Institution = {
  slug: string;
  isDemo: boolean;
  name: string;
  kind: 'university' | 'college';
  website: string | null;
  region: { code: string; name: string } | null;
  locality: { key: string; name: string } | null;
  specialties: SpecialtyRef[];
};

const collator = (locale: Locale) => new Intl.Collator(locale);

export async function getNews(locale: Locale): Promise<News[]> {
  return getAllFromCms<News>('/api/news-items', { locale, 'sort[0]': 'date:desc' });
}

export const getPages = (locale: Locale) => getAllFromCms<Page>('/api/pages', { locale });

export async function getFaq(locale: Locale): Promise<Faq[]> {
  return getAllFromCms<Faq>('/api/faqs', { locale, 'sort[0]': 'order:asc' });
}

export async function getProfessions(locale: Locale): Promise<Profession[]> {
  const rows = await getAllFromCms<Profession>('/api/professions', { locale });
  return [...rows].sort((a, b) => collator(locale).compare(a.name, b.name));
}

export async function getInstitutions(locale: Locale): Promise<Institution[]> {
  const rows = await getAllFromCms<Institution>('/api/institutions', { locale });
  return [...rows].sort((a, b) => collator(locale).compare(a.name, b.name));
}

type StatisticEntry = {
  year: number;
  ageGroup: AgeGroup;
  format: ServiceFormat;
  consultations: number;
  tests: number;
  region: { code: string } | null;
  centre: { slug: string } | null;
};
const statisticEntries = () => getAllFromCms<StatisticEntry>('/api/statistics', {});

/** Every yearly figure, flattened to the shape the domain's `summariseByRegion` adds up. */
export async function getStatistics(): Promise<StatisticRow[]> {
  const rows = await statisticEntries();
  return rows
    .filter((r) => r.region)
    .map((r) => ({ year: r.year, region: r.region!.code, ageGroup: r.ageGroup, format: r.format, consultations: r.consultations, tests: r.tests }));
}

export type CentreYear = { year: number; consultations: number; tests: number; online: number };

/** A centre's figures by year, newest first: consultations, tests, and how many were online. */
export async function getCentreFigures(slug: string): Promise<CentreYear[]> {
  const years = new Map<number, CentreYear>();
  for (const row of await statisticEntries()) {
    if (row.centre?.slug !== slug) continue;
    const year = years.get(row.year) ?? { year: row.year, consultations: 0, tests: 0, online: 0 };
    year.consultations += row.consultations;
    year.tests += row.tests;
    if (row.format === 'online') year.online += row.consultations;
    years.set(row.year, year);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

export type RegionShape = { code: string; name: string; kind: 'oblast' | 'city'; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };

export const getRegionShapes = (locale: Locale) =>
  getAllFromCms<RegionShape>('/api/regions', { locale, 'fields[0]': 'code', 'fields[1]': 'name', 'fields[2]': 'kind', 'fields[3]': 'geometry' });
