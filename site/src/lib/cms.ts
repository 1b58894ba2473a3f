/**
 * Reads Qabilet's content from the CMS's public content API at build time. Every page is built
 * from these calls; a failure stops the build with a sentence that says what to do.
 */
import type { Locale } from '../i18n';

const base = (process.env.CMS_URL ?? 'http://127.0.0.1:1337').replace(/\/$/, '');

export type RegionRef = { documentId: string; code: string; name: string; kind: 'oblast' | 'city' };
export type Photo = { alt: string; caption?: string | null; image: { url: string; width: number; height: number } };
export type OpeningHours = { day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'; opens: string; closes: string };
export type Centre = {
  documentId: string;
  slug: string;
  isDemo: boolean;
  name: string;
  city: string;
  summary: string | null;
  description: string | null;
  address: string;
  directions: string | null;
  phone: string;
  email: string;
  latitude: number;
  longitude: number;
  hours: OpeningHours[];
  services: Array<{ name: string; description: string | null }>;
  rating: number | null;
  ratingCount: number | null;
  gallery: Photo[];
  region: RegionRef | null;
  regions: RegionRef[];
};
export type Region = RegionRef & { centres: Array<{ slug: string; name: string; city: string }> };

type Page<T> = { data: T[]; meta: { pagination: { page: number; pageCount: number } } };

// Many pages ask for the same lists while the site builds: each distinct request is made once.
const cache = new Map<string, Promise<unknown[]>>();

export function getAllFromCms<T>(path: string, query: Record<string, string>): Promise<T[]> {
  const key = `${path}?${new URLSearchParams(query)}`;
  if (!cache.has(key)) cache.set(key, fetchAll<T>(path, query));
  return cache.get(key) as Promise<T[]>;
}

async function fetchAll<T>(path: string, query: Record<string, string>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({ ...query, 'pagination[page]': String(page), 'pagination[pageSize]': '100' });
    const url = `${base}${path}?${params}`;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new Error(`Cannot reach the CMS at ${base} (CMS_URL): start it first (npm start does). ${(error as Error).message}`, { cause: error });
    }
    if (!response.ok) throw new Error(`The CMS answered ${response.status} to ${path}: ${await response.text()}`);
    const body = (await response.json()) as Page<T>;
    items.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return items;
  }
}

/** Absolute URL of an upload, for the image pipeline to fetch and optimise. */
export const mediaUrl = (url: string): string => (url.startsWith('http') ? url : `${base}${url}`);

const collator = (locale: Locale) => new Intl.Collator(locale);

export async function getCentres(locale: Locale): Promise<Centre[]> {
  const centres = await getAllFromCms<Centre>('/api/centres', { locale });
  return centres.sort((a, b) => collator(locale).compare(a.city, b.city));
}

export async function getRegions(locale: Locale): Promise<Region[]> {
  const regions = await getAllFromCms<Region>('/api/regions', {
    locale,
    'fields[0]': 'code',
    'fields[1]': 'name',
    'fields[2]': 'kind',
    'populate[centres][fields][0]': 'slug',
    'populate[centres][fields][1]': 'name',
    'populate[centres][fields][2]': 'city',
  });
  return regions.sort((a, b) => collator(locale).compare(a.name, b.name));
}

export type LocalityOption = { key: string; name: string; region: string };

/** Every locality with its region's code, for the registration form's second list. */
export async function getLocalities(locale: Locale): Promise<LocalityOption[]> {
  const rows = await getAllFromCms<{ key: string; name: string; region: { code: string } | null }>('/api/localities', {
    locale,
    'fields[0]': 'key',
    'fields[1]': 'name',
    'populate[region][fields][0]': 'code',
  });
  return rows
    .filter((l) => l.region)
    .map((l) => ({ key: l.key, name: l.name, region: l.region!.code }))
    .sort((a, b) => collator(locale).compare(a.name, b.name));
}

export type ConsentText = { version: string; title: string; body: string };

export async function getConsentText(locale: Locale): Promise<ConsentText> {
  const response = await fetch(`${base}/api/accounts/consent-text?locale=${locale}`).catch((error) => {
    throw new Error(`Cannot reach the CMS at ${base} (CMS_URL): ${(error as Error).message}`);
  });
  if (!response.ok) throw new Error(`The CMS answered ${response.status} to /api/accounts/consent-text`);
  return (await response.json()) as ConsentText;
}
