import type { Core, UID } from '@strapi/strapi';

type Layout = { list: string[]; mainField: string; sortBy: string; descriptions?: Record<string, string>; labels?: Record<string, string> };

const DEMO_NOTE =
  'Demo data: seeded with invented address, contacts and texts; replace them with the centre’s own. ' +
  'Демо-деректер: орталықтың нақты деректерімен ауыстырыңыз. Демо-данные: замените реальными данными центра.';

const LAYOUTS: Record<string, Layout> = {
  'api::centre.centre': { list: ['name', 'city', 'isDemo', 'phone'], mainField: 'name', sortBy: 'city', descriptions: { isDemo: DEMO_NOTE }, labels: { isDemo: 'Demo data' } },
  'api::region.region': { list: ['code', 'name', 'kind', 'kato'], mainField: 'name', sortBy: 'code' },
  'api::locality.locality': { list: ['name', 'kind', 'adminCentre', 'region'], mainField: 'name', sortBy: 'key' },
};

/** Lists in the admin show what staff look for first, and the demo centres say that they are demo. */
export async function arrangeAdminLists(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(LAYOUTS)) {
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
