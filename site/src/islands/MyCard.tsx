/**
 * The person's own card in the cabinet (issue 18, R-OUT): their data, the services they used,
 * their results over time with repeated tests compared, and the recommendations written for them —
 * without the staff's notes or history. A parent chooses whose card: their own or a child's
 * (`?child=<documentId>` keeps the choice in the address).
 */
import type { Messages } from './Form';
import { getMyCard, type UserCardView } from './card-api';
import { useWhose } from './card/useWhose';
import WhoseChoice from './card/WhoseChoice';
import WhoseStatus from './card/WhoseStatus';
import {
  JournalSection,
  TalentsSection,
  PersonalSection,
  RatingsSection,
  RecommendationsSection,
  ResultsSection,
  ServicesSection,
  type Catalogue,
} from './card/CardSections';

type Props = Catalogue & { locale: string; t: Messages; loginHref: string };

export default function MyCard({ locale, t, loginHref, professionsHref, institutionsHref }: Props) {
  const { account, child, view: card, failed, load, choose } = useWhose(locale, getMyCard);

  if (!account || failed) return <WhoseStatus t={t} page="card" loginHref={loginHref} loggedOut={account === null} failed={failed} retry={() => void load()} />;
  return (
    <div className="my-card">
      <WhoseChoice t={t} legend={t['card.who']} account={account} child={child} choose={choose} />
      {!card ? <p role="status">{t['card.loading']}</p> : <CardView t={t} sections={card.sections} hrefs={{ professionsHref, institutionsHref }} />}
    </div>
  );
}

/** The sections this page shows, in the card’s order; another part’s section gets its view here as it comes. */
function CardView({ t, sections, hrefs }: { t: Messages; sections: UserCardView['sections']; hrefs: Catalogue }) {
  return (
    <>
      {sections.personal ? <PersonalSection t={t} personal={sections.personal} /> : null}
      {sections.services ? <ServicesSection t={t} services={sections.services} /> : null}
      {sections.ratings ? <RatingsSection t={t} /> : null}
      {sections.results ? <ResultsSection t={t} results={sections.results} /> : null}
      {sections.recommendations ? <RecommendationsSection t={t} recommendations={sections.recommendations} /> : null}
      {sections.journal ? <JournalSection t={t} items={sections.journal} hrefs={hrefs} /> : null}
      {sections.talents ? <TalentsSection t={t} items={sections.talents} /> : null}
    </>
  );
}
