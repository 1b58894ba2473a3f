import type { Core } from '@strapi/strapi';
import { readDataFile } from './data-file';
import { ensureLocalized, type Trilingual } from './localized';

/** The consent text in force; a version is reference data, added once and never changed. */
export async function seedConsentText(strapi: Core.Strapi): Promise<void> {
  const text = await readDataFile<{ version: string; effectiveFrom: string; title: Trilingual; body: Trilingual }>(strapi, 'consent-text.json');
  await ensureLocalized(
    strapi,
    'api::consent-text.consent-text',
    { field: 'version', value: text.version },
    { version: text.version, effectiveFrom: text.effectiveFrom },
    (locale) => ({ title: text.title[locale], body: text.body[locale] }),
  );
}
