import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import en from '../translations/en.json';

export type MessageKey = keyof typeof en;
type Values = Record<string, string | number>;

export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;

/** Strapi merges every plugin's messages into one catalogue, so each key carries the plugin's id. */
export const prefixPluginTranslations = (messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).map(([key, text]) => [getTranslation(key), text]));

/** The page's one way to a string: typed keys, English as the fallback when a locale misses one. */
export function useT() {
  const { formatMessage } = useIntl();
  return useCallback((key: MessageKey, values?: Values) => formatMessage({ id: getTranslation(key), defaultMessage: en[key] }, values), [formatMessage]);
}

/** Whether a key built at run time (a history action the server named) has a message. */
export const hasKey = (key: string): key is MessageKey => key in en;
