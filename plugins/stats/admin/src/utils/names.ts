/**
 * The names of what the server sends by key (a panel's columns, the home widget's figures): the
 * catalogue's `column.<key>` and `figure.<key>`; a key the catalogue does not know yet is shown as
 * words ("firstConsultation" → "First consultation") rather than as a raw key.
 */
import { useMemo } from 'react';
import { hasKey, useT } from './translations';

export const words = (key: string) => {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
};

export function useNames() {
  const t = useT();
  return useMemo(() => {
    const named = (prefix: 'column' | 'figure') => (key: string) => {
      const id = `${prefix}.${key}`;
      return hasKey(id) ? t(id) : words(key);
    };
    return { column: named('column'), figure: named('figure') };
  }, [t]);
}
