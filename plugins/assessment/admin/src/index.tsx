/**
 * The assessments' admin entry: one menu link, "Results", for whoever may read results (specialists
 * and regional coordinators). It opens the people of the staff member's scope; each person's card
 * is a page of its own (`people/:kind/:id`), so that it can be linked to from elsewhere.
 */
import { ChartPie } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation, prefixPluginTranslations } from './utils/translations';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartPie,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Results' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App').then((mod) => ({ default: mod.App })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixPluginTranslations(data as Record<string, string>), locale };
        } catch {
          // A locale the plugin is not translated into falls back to the English default messages.
          return { data: {}, locale };
        }
      }),
    );
  },
};
