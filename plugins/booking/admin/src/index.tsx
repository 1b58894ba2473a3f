/**
 * The booking plugin's admin entry: one menu link to the specialist's page ("My day"), visible to
 * whoever may read bookings; acting on them and editing schedules is checked on the page and again
 * by the server.
 */
import { Calendar } from '@strapi/icons';
import { pluginAdmin } from '@qabilet/plugin-kit/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { descriptor, registerTrads } from './utils/translations';

export default pluginAdmin({
  id: PLUGIN_ID,
  registerTrads,
  links: [
    { icon: Calendar, label: descriptor('plugin.name'), permissions: PERMISSIONS.read, page: () => import('./pages/MyDayPage').then((mod) => mod.MyDayPage) },
  ],
});
