/** The cabinet's permission grants now live in the plugin kit; re-exported for this plugin's files. */
export { grantOnce } from '@qabilet/plugin-kit/server';
