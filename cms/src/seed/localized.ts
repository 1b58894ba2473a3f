import type { Core, UID } from '@strapi/strapi';

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type Trilingual = Record<Locale, string>;

type Data = Record<string, unknown>;

/**
 * Creates a document in every locale unless one with the same natural key exists; adds only the
 * locales it is missing. Returns the documentId and whether anything was created.
 */
export async function ensureLocalized(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  key: { field: string; value: string },
  shared: Data,
  perLocale: (locale: Locale) => Data,
  options: { publish?: boolean } = {},
): Promise<{ documentId: string; created: number }> {
  const status = options.publish ? { status: 'published' } : {};
  const documents = strapi.documents(uid as UID.CollectionType);
  let created = 0;
  // The database query sees every locale at once, whichever was created first.
  const found = await strapi.db.query(uid).findOne({ where: { [key.field]: key.value }, select: ['documentId'] });
  let documentId: string | undefined = found?.documentId;
  for (const locale of LOCALES) {
    if (documentId) {
      const existing = await documents.findOne({ documentId, locale, fields: ['id'] } as never);
      if (existing) continue;
      await documents.update({ documentId, locale, data: { ...shared, ...perLocale(locale) }, ...status } as never);
    } else {
      const doc = await documents.create({ locale, data: { ...shared, ...perLocale(locale) }, ...status } as never);
      documentId = (doc as { documentId: string }).documentId;
    }
    created += 1;
  }
  return { documentId: documentId!, created };
}
