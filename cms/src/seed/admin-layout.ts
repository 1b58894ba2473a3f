import type { Core, UID } from '@strapi/strapi';

type Layout = { list: string[]; mainField: string; sortBy: string; descriptions?: Record<string, string>; labels?: Record<string, string> };

const DEMO_NOTE =
  'Demo data: seeded with invented address, contacts and texts; replace them with the centre’s own. ' +
  'Демо-деректер: орталықтың нақты деректерімен ауыстырыңыз. Демо-данные: замените реальными данными центра.';

const CONTENT_DEMO =
  'Demo data: seeded as an example; replace or delete it. Демо-деректер: мысал ретінде енгізілген. Демо-данные: пример, замените или удалите.';
const demo = { descriptions: { isDemo: CONTENT_DEMO }, labels: { isDemo: 'Demo data' } };

export const CONTENT_LAYOUTS: Record<string, Layout> = {
  'api::news.news': { list: ['title', 'date', 'isDemo'], mainField: 'title', sortBy: 'date', ...demo },
  'api::page.page': { list: ['title', 'slug', 'isDemo'], mainField: 'title', sortBy: 'slug', ...demo },
  'api::faq.faq': { list: ['question', 'category', 'isDemo'], mainField: 'question', sortBy: 'order', ...demo },
  'api::profession.profession': { list: ['name', 'sector', 'demandStatus', 'isDemo'], mainField: 'name', sortBy: 'name', ...demo },
  'api::specialty.specialty': { list: ['name', 'code', 'level'], mainField: 'name', sortBy: 'name' },
  'api::institution.institution': { list: ['name', 'kind', 'region', 'isDemo'], mainField: 'name', sortBy: 'name', ...demo },
};

/** Tests came after the first content lists (a step of their own, for databases seeded before). */
export const TEST_LAYOUTS: Record<string, Layout> = {
  'api::test.test': { list: ['titleKk', 'slug', 'kind', 'profession', 'isDemo'], mainField: 'titleKk', sortBy: 'slug', ...demo },
};

export const REFERENCE_LAYOUTS: Record<string, Layout> = {
  'api::centre.centre': {
    list: ['name', 'city', 'isDemo', 'phone'],
    mainField: 'name',
    sortBy: 'city',
    descriptions: { isDemo: DEMO_NOTE },
    labels: { isDemo: 'Demo data' },
  },
  'api::region.region': { list: ['code', 'name', 'kind', 'kato'], mainField: 'name', sortBy: 'code' },
  'api::locality.locality': { list: ['name', 'kind', 'adminCentre', 'region'], mainField: 'name', sortBy: 'key' },
};

/** Lists in the admin show what staff look for first, and the demo centres say that they are demo. */
export async function arrangeAdminLists(strapi: Core.Strapi, layouts: Record<string, Layout>): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(layouts)) {
    const contentType = service.findContentType(uid as UID.ContentType);
    const configuration = await service.findConfiguration(contentType);
    const metadatas = { ...configuration.metadatas };
    for (const [field, description] of Object.entries(layout.descriptions ?? {})) {
      metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, description } };
    }
    for (const [field, label] of Object.entries(layout.labels ?? {})) {
      metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field].edit, label }, list: { ...metadatas[field].list, label } };
    }
    await service.updateConfiguration(contentType, {
      settings: { ...configuration.settings, mainField: layout.mainField, defaultSortBy: layout.sortBy, defaultSortOrder: 'ASC' },
      metadatas,
      layouts: { ...configuration.layouts, list: layout.list },
    });
  }
}

/** The field that names each entry of a repeatable component in the admin's collapsed lists. */
export const COMPONENT_TITLES: Record<string, string> = {
  'profession.demand': 'year',
  'profession.skill': 'name',
  'page.accordion-item': 'question',
  'centre.service': 'name',
  'centre.opening-hours': 'day',
  'media.photo': 'alt',
};

export const TEST_COMPONENT_TITLES: Record<string, string> = {
  'test.section': 'titleKk',
  'test.item': 'key',
  'test.option': 'labelKk',
  'test.scale': 'nameKk',
  'test.norm': 'scale',
};

/** So that a content manager sees "2024" or a question, not an empty row, in a collapsed list. */
export async function titleComponentEntries(strapi: Core.Strapi, titles: Record<string, string> = COMPONENT_TITLES): Promise<void> {
  const service = strapi.plugin('content-manager').service('components');
  for (const [uid, field] of Object.entries(titles)) {
    const component = service.findComponent(uid);
    if (!component) continue;
    const configuration = await service.findConfiguration(component);
    await service.updateConfiguration(component, { ...configuration, settings: { ...configuration.settings, mainField: field } });
  }
}
