import type { Core } from '@strapi/strapi';

const LOCALES = [
  { code: 'kk', name: 'Қазақ тілі (kk)' },
  { code: 'ru', name: 'Русский (ru)' },
  { code: 'en', name: 'English (en)' },
];

/** Kazakh is the default locale; Russian and English follow. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales');
  const existing: Array<{ code: string }> = await service.find();
  for (const locale of LOCALES) {
    if (!existing.some((l) => l.code === locale.code)) await service.create(locale);
  }
  if ((await service.getDefaultLocale()) !== 'kk') await service.setDefaultLocale({ code: 'kk' });
}
