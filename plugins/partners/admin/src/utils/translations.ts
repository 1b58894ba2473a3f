import { pluginTranslations } from '@qabilet/plugin-kit/admin';
import { PLUGIN_ID } from '../pluginId';
import en from '../translations/en.json';

export type MessageKey = keyof typeof en;

export const { descriptor, hasKey, registerTrads, useT } = pluginTranslations(PLUGIN_ID, en, (locale) => import(`../translations/${locale}.json`));
