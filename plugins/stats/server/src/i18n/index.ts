/** The plugin's catalogues, one per part, merged per language (a key belongs to one part). */
import commonEn from './common/en.json';
import commonKk from './common/kk.json';
import commonRu from './common/ru.json';

export const CATALOGUES = {
  en: { ...commonEn },
  kk: { ...commonKk },
  ru: { ...commonRu },
};
