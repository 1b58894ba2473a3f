export const NEWS_PAGE_SIZE = 6;

/** The address of page `page` of the news list, below the locale. */
export const newsPagePath = (page: number): string => (page <= 1 ? 'news/' : `news/page/${page}/`);
