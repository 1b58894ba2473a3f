/**
 * The registry's admin entry: one menu link, "Registry", for whoever may read the registry, keep
 * the journal, set the talent rules or see specialists' cards. Its views adapt to the staff member's
 * role and rights as the server states them (GET /talent/me).
 */
import { User } from '@strapi/icons';
import { pluginAdmin } from '@qabilet/plugin-kit/admin';
import { PERMISSIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { descriptor, registerTrads } from './utils/translations';

export default pluginAdmin({
  id: PLUGIN_ID,
  registerTrads,
  links: [
    {
      icon: User,
      label: descriptor('plugin.name'),
      permissions: PERMISSIONS.open,
      page: () => import('./pages/App').then((mod) => mod.App),
    },
  ],
});
