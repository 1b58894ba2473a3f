/**
 * A plugin's admin strings. Strapi merges every plugin's messages into one catalogue, so each key
 * carries the plugin's id; the English catalogue gives the typed keys and the fallback a locale
 * misses.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';

export type Catalogue = Record<string, string>;
export type MessageValues = Record<string, string | number>;
/** A page's one way to a string: `t(key, values)`, with `{name}` placeholders filled by react-intl. */
export type Translate<Key extends string> = (key: Key, values?: MessageValues) => string;
/** How a plugin loads one locale's catalogue (a dynamic import beside its JSON files, so the bundler splits them). */
export type CatalogueLoader = (locale: string) => Promise<{ default: Catalogue }>;

const prefixed = (pluginId: string, messages: Catalogue) => Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${pluginId}.${key}`, text]));

/** The `registerTrads` of a plugin's admin entry: a locale the plugin is not translated into falls back to English. */
export function registerTrads(pluginId: string, load: CatalogueLoader) {
  return async ({ locales }: { locales: string[] }) =>
    Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await load(locale);
          return { data: prefixed(pluginId, data), locale };
        } catch {
          return { data: {}, locale };
        }
      }),
    );
}

/** The translation helpers bound to one plugin: its id, its English catalogue and how to load the others. */
export function pluginTranslations<const Messages extends Catalogue>(pluginId: string, en: Messages, load: CatalogueLoader) {
  type Key = keyof Messages & string;
  const getTranslation = (key: string) => `${pluginId}.${key}`;
  return {
    getTranslation,
    registerTrads: registerTrads(pluginId, load),
    /** A key as react-intl describes a message (a menu link's label), English as its default. */
    descriptor: (key: Key) => ({ id: getTranslation(key), defaultMessage: en[key] }),
    /** Whether a key built at run time (an action the server named) has a message. */
    hasKey: (key: string): key is Key => Object.hasOwn(en, key),
    useT(): Translate<Key> {
      const { formatMessage } = useIntl();
      return useCallback((key: Key, values?: MessageValues) => formatMessage({ id: getTranslation(key), defaultMessage: en[key] }, values), [formatMessage]);
    },
  };
}
