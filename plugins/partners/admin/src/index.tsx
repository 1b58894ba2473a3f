/**
 * The partners' admin entry: two menu links. "Partners" (whoever may manage them: the super admin)
 * lists the partners and adds and configures one; "Imports" (specialists and coordinators) brings in
 * the results of a centre's desktop test database and reviews the rows that matched nobody.
 */
import { CloudUpload, PuzzlePiece } from '@strapi/icons';
import { pluginAdmin } from '@qabilet/plugin-kit/admin';
import { PERMISSIONS } from './permissions';
import { IMPORTS_PATH, PLUGIN_ID } from './pluginId';
import { descriptor, registerTrads } from './utils/translations';

export default pluginAdmin({
  id: PLUGIN_ID,
  registerTrads,
  links: [
    {
      icon: PuzzlePiece,
      label: descriptor('plugin.name'),
      permissions: PERMISSIONS.manage,
      page: () => import('./pages/PartnersApp').then((mod) => mod.PartnersApp),
    },
    // A path of its own rather than one under `plugins/partners`, so that only one link is current.
    {
      to: IMPORTS_PATH,
      icon: CloudUpload,
      label: descriptor('imports.name'),
      permissions: PERMISSIONS.import,
      page: () => import('./pages/ImportsPage').then((mod) => mod.ImportsPage),
    },
  ],
});
