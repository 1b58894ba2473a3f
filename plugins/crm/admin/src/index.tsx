/**
 * The registry's admin entry: one menu link, "Requests", for whoever may read requests. The page
 * adapts to the staff member's role and rights as the server states them (GET /crm/me).
 */
import { Headphones } from '@strapi/icons';
import { pluginAdmin } from '@qabilet/plugin-kit/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { descriptor, registerTrads } from './utils/translations';

export default pluginAdmin({
  id: PLUGIN_ID,
  registerTrads,
  links: [
    {
      icon: Headphones,
      label: descriptor('plugin.name'),
      permissions: PERMISSIONS.read,
      page: () => import('./pages/RequestsPage').then((mod) => mod.RequestsPage),
    },
  ],
});
