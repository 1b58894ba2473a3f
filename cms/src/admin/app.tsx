/**
 * The admin panel's languages: English and Russian. Strapi 5.54's admin has no Kazakh among the
 * languages it can show (its list of native names lacks `kk`), so Kazakh-speaking staff use the
 * Russian or English interface; our plugins carry Kazakh translations for when it does.
 */
export default {
  config: {
    locales: ['ru'],
  },
  bootstrap() {},
};
