/**
 * The person's own card in the cabinet (issue 18, R-OUT): their data, the services they used,
 * their results over time with repeated tests compared, and the recommendations written for them —
 * without the staff's notes or history. A parent chooses whose card: their own or a child's
 * (`?child=<documentId>` keeps the choice in the address).
 */
import { useCallback, useState } from 'react';
import { format, type Messages } from './Form';
import { loadAccount, problemOf, type Account } from './assessment-api';
import { getMyCard, type UserCardView } from './card-api';
import { useResume } from './useResume';
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
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [child, setChild] = useState<string | null>(null);
  const [card, setCard] = useState<UserCardView | null>(null);
  const [failed, setFailed] = useState(false);

  const loadCard = useCallback(
    async (whose: string | null) => {
      setFailed(false);
      try {
        setCard(await getMyCard(locale, whose));
      } catch (error) {
        if (problemOf(error).kind === 'loggedOut') setAccount(null);
        else setFailed(true);
      }
    },
    [locale],
  );

  const load = useCallback(async () => {
    const wanted = new URLSearchParams(window.location.search).get('child');
    try {
      const me = await loadAccount(locale);
      setAccount(me);
      const chosen = me.children.some((c) => c.documentId === wanted) ? wanted : null;
      setChild(chosen);
      await loadCard(chosen);
    } catch (error) {
      if (problemOf(error).kind === 'loggedOut') setAccount(null);
      else setFailed(true);
    }
  }, [locale, loadCard]);
  const loggedOut = useCallback(() => setAccount(null), []);
  useResume(locale, load, loggedOut);

  const choose = (next: string | null) => {
    setChild(next);
    setCard(null);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('child', next);
    else url.searchParams.delete('child');
    window.history.replaceState(null, '', url);
    void loadCard(next);
  };

  if (account === null)
    return (
      <p className="notice">
        {t['card.loggedOut']} <a href={loginHref}>{t['test.login']}</a>
      </p>
    );
  if (failed)
    return (
      <p className="notice" role="alert">
        {t['card.problem']}{' '}
        <button type="button" onClick={() => void load()}>
          {t['card.retry']}
        </button>
      </p>
    );
  if (!account) return <p role="status">{t['card.loading']}</p>;
  return (
    <div className="my-card">
      {account.children.length ? (
        <fieldset className="test-person">
          <legend>{t['card.who']}</legend>
          <label className="choice">
            <input type="radio" name="whose" value="" checked={!child} onChange={() => choose(null)} />{' '}
            {format(t['card.me'], { name: account.profile.firstName ?? '' })}
          </label>
          {account.children.map((c) => (
            <label className="choice" key={c.documentId}>
              <input type="radio" name="whose" value={c.documentId} checked={child === c.documentId} onChange={() => choose(c.documentId)} />{' '}
              {format(t['card.child'], { name: c.firstName })}
            </label>
          ))}
        </fieldset>
      ) : null}
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
