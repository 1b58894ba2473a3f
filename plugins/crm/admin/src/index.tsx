/**
 * The registry's admin entry: one menu link, "Requests", for whoever may read requests. The page
 * adapts to the staff member's role and rights as the server states them (GET /crm/me).
 */
import { Headphones } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation, prefixPluginTranslations } from './utils/translations';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Headphones,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Requests' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/RequestsPage').then((mod) => ({ default: mod.RequestsPage })),
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
