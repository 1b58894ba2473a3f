import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ensureLocalized, type Trilingual } from './localized';

/** The consent text in force; a version is reference data, added once and never changed. */
export async function seedConsentText(strapi: Core.Strapi): Promise<void> {
  const file = path.join(strapi.dirs.app.root, 'data', 'consent-text.json');
  const text = JSON.parse(await fs.readFile(file, 'utf8')) as { version: string; effectiveFrom: string; title: Trilingual; body: Trilingual };
  await ensureLocalized(
    strapi,
    'api::consent-text.consent-text',
    { field: 'version', value: text.version },
    { version: text.version, effectiveFrom: text.effectiveFrom },
    (locale) => ({ title: text.title[locale], body: text.body[locale] }),
  );
}
