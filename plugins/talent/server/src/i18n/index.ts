/** The plugin's catalogues, one per part, merged per language (a key belongs to one part). */
import commonEn from './common/en.json';
import commonKk from './common/kk.json';
import commonRu from './common/ru.json';
import peopleEn from './people/en.json';
import peopleKk from './people/kk.json';
import peopleRu from './people/ru.json';
import specialistsEn from './specialists/en.json';
import specialistsKk from './specialists/kk.json';
import specialistsRu from './specialists/ru.json';

export const CATALOGUES = {
  en: { ...commonEn, ...peopleEn, ...specialistsEn },
  kk: { ...commonKk, ...peopleKk, ...specialistsKk },
  ru: { ...commonRu, ...peopleRu, ...specialistsRu },
};
