/**
 * The assessments' admin entry: one menu link, "Results", for whoever may read results (specialists
 * and regional coordinators). It opens the people of the staff member's scope; each person's card
 * is a page of its own (`people/:kind/:id`), so that it can be linked to from elsewhere.
 */
import { ChartPie } from '@strapi/icons';
import { pluginAdmin } from '@qabilet/plugin-kit/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { descriptor, registerTrads } from './utils/translations';

export default pluginAdmin({
  id: PLUGIN_ID,
  registerTrads,
  links: [{ icon: ChartPie, label: descriptor('plugin.name'), permissions: PERMISSIONS.read, page: () => import('./pages/App').then((mod) => mod.App) }],
});
