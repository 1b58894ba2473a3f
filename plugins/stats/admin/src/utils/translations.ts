import { pluginTranslations } from '@qabilet/plugin-kit/admin';
import { PLUGIN_ID } from '../pluginId';
import { EN, load } from '../translations';

export type MessageKey = keyof typeof EN;

export const { descriptor, hasKey, registerTrads, useT } = pluginTranslations(PLUGIN_ID, EN, load);
