export const PLUGIN_ID = 'assessment';
