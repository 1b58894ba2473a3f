/**
 * The booking plugin's admin entry: one menu link to the specialist's page ("My day"), visible to
 * whoever may read bookings; acting on them and editing schedules is checked on the page and again
 * by the server.
 */
import { Calendar } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { getTranslation, registerTrads } from './utils/translations';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Calendar,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Bookings' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/MyDayPage').then((mod) => ({ default: mod.MyDayPage })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  registerTrads,
};
