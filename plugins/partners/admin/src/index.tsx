/**
 * The partners' admin entry: two menu links. "Partners" (whoever may manage them: the super admin)
 * lists the partners and adds and configures one; "Imports" (specialists and coordinators) brings in
 * the results of a centre's desktop test database and reviews the rows that matched nobody.
 */
import { CloudUpload, PuzzlePiece } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS } from './permissions';
import { IMPORTS_PATH, PLUGIN_ID } from './pluginId';
import { getTranslation, prefixPluginTranslations } from './utils/translations';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PuzzlePiece,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Partners' },
      permissions: PERMISSIONS.manage,
      Component: () => import('./pages/PartnersApp').then((mod) => ({ default: mod.PartnersApp })),
    });
    // A path of its own rather than one under `plugins/partners`, so that only one link is current.
    app.addMenuLink({
      to: IMPORTS_PATH,
      icon: CloudUpload,
      intlLabel: { id: getTranslation('imports.name'), defaultMessage: 'Imports' },
      permissions: PERMISSIONS.import,
      Component: () => import('./pages/ImportsPage').then((mod) => ({ default: mod.ImportsPage })),
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
