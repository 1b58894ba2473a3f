/** The plugin's catalogues, one per part, merged per language (a key belongs to one part). */
import commonEn from './common/en.json';
import commonKk from './common/kk.json';
import commonRu from './common/ru.json';
import dashboardsEn from './dashboards/en.json';
import dashboardsKk from './dashboards/kk.json';
import dashboardsRu from './dashboards/ru.json';
import openEn from './open/en.json';
import openKk from './open/kk.json';
import openRu from './open/ru.json';
import progressEn from './progress/en.json';
import progressKk from './progress/kk.json';
import progressRu from './progress/ru.json';

export const CATALOGUES = {
  en: { ...commonEn, ...progressEn, ...openEn, ...dashboardsEn },
  kk: { ...commonKk, ...progressKk, ...openKk, ...dashboardsKk },
  ru: { ...commonRu, ...progressRu, ...openRu, ...dashboardsRu },
};
