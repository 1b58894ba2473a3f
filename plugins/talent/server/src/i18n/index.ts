/** The plugin's catalogues, one per part, merged per language (a key belongs to one part). */
import commonEn from './common/en.json';
import commonKk from './common/kk.json';
import commonRu from './common/ru.json';
import peopleEn from './people/en.json';
import peopleKk from './people/kk.json';
import peopleRu from './people/ru.json';
import cardsEn from './cards/en.json';
import cardsKk from './cards/kk.json';
import cardsRu from './cards/ru.json';
import specialistsEn from './specialists/en.json';
import specialistsKk from './specialists/kk.json';
import specialistsRu from './specialists/ru.json';
import talentsEn from './talents/en.json';
import talentsKk from './talents/kk.json';
import talentsRu from './talents/ru.json';
import journalEn from './journal/en.json';
import journalKk from './journal/kk.json';
import journalRu from './journal/ru.json';

export const CATALOGUES = {
  en: { ...commonEn, ...peopleEn, ...cardsEn, ...specialistsEn, ...talentsEn, ...journalEn },
  kk: { ...commonKk, ...peopleKk, ...cardsKk, ...specialistsKk, ...talentsKk, ...journalKk },
  ru: { ...commonRu, ...peopleRu, ...cardsRu, ...specialistsRu, ...talentsRu, ...journalRu },
};
