/**
 * The dashboard's admin entry: one menu link, "Dashboard", and the home page's widget with the
 * figures of the last 30 days, for every staff role that may read the figures of its scope (the
 * server works the scope out).
 */
import { ChartPie } from '@strapi/icons';
import { pluginAdmin } from '@qabilet/plugin-kit/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { descriptor, registerTrads } from './utils/translations';

export default pluginAdmin({
  id: PLUGIN_ID,
  registerTrads,
  links: [
    {
      icon: ChartPie,
      label: descriptor('plugin.name'),
      permissions: PERMISSIONS.open,
      page: () => import('./pages/App').then((mod) => mod.App),
    },
  ],
  widgets: [
    {
      id: 'summary',
      icon: ChartPie,
      title: descriptor('summary.title'),
      link: { label: descriptor('summary.link'), href: `/plugins/${PLUGIN_ID}` },
      permissions: PERMISSIONS.open,
      component: () => import('./widgets/SummaryWidget').then((mod) => mod.SummaryWidget),
    },
  ],
});
