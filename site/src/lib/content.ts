/**
 * The editorial content of the site (news, pages, FAQ, professions, institutions) and the open
 * statistics, read from the CMS's public content API at build time.
 */
import type { OpenStatistics } from '@qabilet/domain';
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

const cmsBase = (process.env.CMS_URL ?? 'http://127.0.0.1:1337').replace(/\/$/, '');
let openStatistics: Promise<OpenStatistics> | undefined;

/**
 * The newest snapshot of the open statistics (GET /api/stats/open): counts by year × region × age
 * group × format with their margins and the country ('KZ'), cells of fewer than 5 already null.
 * Read once per build; the CMS asks the site to rebuild after each snapshot.
 */
export function getOpenStatistics(): Promise<OpenStatistics> {
  openStatistics ??= (async () => {
    const response = await fetch(`${cmsBase}/api/stats/open`).catch((error: Error) => {
      throw new Error(`Cannot reach the CMS at ${cmsBase} (CMS_URL): start it first (npm start does). ${error.message}`, { cause: error });
    });
    if (!response.ok) throw new Error(`The CMS answered ${response.status} to /api/stats/open: ${await response.text()}`);
    return ((await response.json()) as { data: OpenStatistics }).data;
  })();
  return openStatistics;
}

export type RegionShape = { code: string; name: string; kind: 'oblast' | 'city'; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } };

export const getRegionShapes = (locale: Locale) =>
  getAllFromCms<RegionShape>('/api/regions', { locale, 'fields[0]': 'code', 'fields[1]': 'name', 'fields[2]': 'kind', 'fields[3]': 'geometry' });
