/**
 * How each section of the card is shown, by the name the server registered it under
 * (server/src/cards/sections.ts). The sections the domain's contract names (this part's and the
 * journal's) are typed by it; another part adds its own with one line in OTHER_VIEWS (its title's
 * key and its component, which reads its own contract), so the card imports the part's view and
 * nothing else of it. A section with no view here is not shown.
 */
import type { ReactNode } from 'react';
import { Typography } from '@strapi/design-system';
import type { CardSections } from '@qabilet/domain';
import type { MessageKey } from '../utils/translations';
import { CardLimitedView, CardPersonalView } from './CardPersonal';
import { CardServicesView } from './CardServices';
import { CardRecommendationsView, CardResultsView } from './CardResults';
import { CardHistoryView } from './CardHistory';
import { CardJournalView } from './CardJournal';
import { TalentCardView } from './TalentCardView';
import { useT } from '../utils/translations';

type View<T> = { title: MessageKey; render: (data: T) => ReactNode };
type Typed = Required<Pick<CardSections, 'personal' | 'limited' | 'services' | 'ratings' | 'results' | 'recommendations' | 'journal' | 'talents' | 'history'>>;

function NoRatings() {
  const t = useT();
  return <Typography>{t('card.ratings.none')}</Typography>;
}

const TYPED_VIEWS: { [K in keyof Typed]: View<Typed[K]> } = {
  personal: { title: 'card.section.personal', render: (data) => <CardPersonalView personal={data} /> },
  limited: { title: 'card.section.limited', render: (data) => <CardLimitedView limited={data} /> },
  services: { title: 'card.section.services', render: (data) => <CardServicesView services={data} /> },
  // Ratings are not collected yet (the feedback issue adds them): the section says so.
  ratings: { title: 'card.section.ratings', render: () => <NoRatings /> },
  results: { title: 'card.section.results', render: (data) => <CardResultsView results={data} /> },
  recommendations: { title: 'card.section.recommendations', render: (data) => <CardRecommendationsView recommendations={data} /> },
  journal: { title: 'card.section.journal', render: (data) => <CardJournalView items={data} /> },
  talents: { title: 'card.section.talents', render: (data) => <TalentCardView items={data} /> },
  history: { title: 'card.section.history', render: (data) => <CardHistoryView history={data} /> },
};

/** The other parts' sections: `name: { title: '<their key>', render: (data) => <TheirView data={data as TheirContract} /> }`. */
const OTHER_VIEWS: Record<string, View<unknown>> = {};

/** The view of a section by its name, or none. */
export function cardViewOf(name: string): View<unknown> | undefined {
  if (Object.hasOwn(TYPED_VIEWS, name)) return TYPED_VIEWS[name as keyof Typed] as View<unknown>;
  return OTHER_VIEWS[name];
}
