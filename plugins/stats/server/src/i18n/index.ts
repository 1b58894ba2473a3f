/** The plugin's catalogues, one per part, merged per language (a key belongs to one part). */
import commonEn from './common/en.json';
import commonKk from './common/kk.json';
import commonRu from './common/ru.json';
import progressEn from './progress/en.json';
import progressKk from './progress/kk.json';
import progressRu from './progress/ru.json';

export const CATALOGUES = {
  en: { ...commonEn, ...progressEn },
  kk: { ...commonKk, ...progressKk },
  ru: { ...commonRu, ...progressRu },
};
