export const PLUGIN_ID = 'talent';
