export const PLUGIN_ID = 'stats';
