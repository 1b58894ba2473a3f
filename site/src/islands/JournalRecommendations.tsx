/**
 * The recommendations the person's specialists signed in the consultation journal (issue 18): for
 * each consultation or testing, the day, the specialist, the recommendations (with links to the
 * catalogue's professions and institutions, or to pages outside) and the next step. Never the
 * specialist's observations or private notes: the server sends none. For a child with `?child=`.
 * Logged out, it shows nothing (the results island beside it offers the login).
 */
import { useEffect, useState } from 'react';
import type { JournalLink, JournalRecommendationsItem } from '@qabilet/domain';
import { ApiError, authed } from './api';
import { format, type Messages } from './Form';
import { plainDate } from './booking-dates';

type Props = { locale: string; t: Messages; professionsHref: string; institutionsHref: string };

const mine = (locale: string, child: string | null) =>
  authed<{ data: JournalRecommendationsItem[] }>(`/api/talent/journal/mine${child ? `?${new URLSearchParams({ child })}` : ''}`, locale).then((r) => r.data);

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The session is renewed from its cookie by the results island beside this one (two renewals at
 * once would race over the one refresh token): until it has, the call is refused (403), so it is
 * asked again a few times, later each time. Still refused, the person is logged out.
 */
async function mineOnceLoggedIn(locale: string, child: string | null): Promise<JournalRecommendationsItem[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await mine(locale, child);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 403) || attempt === 8) throw error;
      await wait(250 * attempt);
    }
  }
}

/** Only https addresses are links (never `javascript:` or the like). */
const hostOf = (url: string | null) => {
  try {
    return url && new URL(url).protocol === 'https:' ? new URL(url).host : null;
  } catch {
    return null;
  }
};

/** Where a journal's recommendations lead in the catalogue: its professions' and institutions' pages. */
export type Catalogue = { professionsHref: string; institutionsHref: string };

function LinkItem({ link, t, hrefs }: { link: JournalLink; t: Messages; hrefs: Catalogue }) {
  const host = hostOf(link.url);
  if (link.url && host)
    return (
      <a href={link.url} rel="noopener noreferrer external">
        {format(t['results.journal.link.website'], { kind: t[`results.journal.kind.${link.kind}`], host })}
      </a>
    );
  if (!link.slug) return null;
  const text = format(t['results.journal.link.catalogue'], { kind: t[`results.journal.kind.${link.kind}`], slug: link.slug });
  const base = link.kind === 'profession' ? hrefs.professionsHref : link.kind === 'institution' ? hrefs.institutionsHref : null;
  return base ? <a href={`${base}${encodeURIComponent(link.slug)}/`}>{text}</a> : <span>{text}</span>;
}

/**
 * One signed journal entry, shown here and on the person's card: a heading with the service, the
 * day and the specialist, the recommendations with their links, and the next step.
 */
export function JournalEntry({ item, headingId, t, hrefs }: { item: JournalRecommendationsItem; headingId: string; t: Messages; hrefs: Catalogue }) {
  return (
    <>
      <h3 id={headingId}>
        {format(t['results.journal.entry'], {
          service: t[`results.journal.service.${item.service}`],
          date: plainDate(t, item.date),
          specialist: item.specialist,
        })}
      </h3>
      <ul>
        {item.recommendations.map((r, j) => (
          <li key={j}>
            <p>{r.text}</p>
            {r.links.length > 0 && (
              <ul>
                {r.links.map((link, k) => (
                  <li key={k}>
                    <LinkItem link={link} t={t} hrefs={hrefs} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {item.nextStep && (
        <p>
          <strong>{t['results.journal.nextStep']}</strong> {item.nextStep}
        </p>
      )}
    </>
  );
}

export default function JournalRecommendations({ locale, t, professionsHref, institutionsHref }: Props) {
  const [items, setItems] = useState<JournalRecommendationsItem[] | null>(null);
  const [state, setState] = useState<'loading' | 'hidden' | 'failed' | 'ready'>('loading');

  useEffect(() => {
    const child = new URLSearchParams(window.location.search).get('child') || null;
    let live = true;
    mineOnceLoggedIn(locale, child)
      .then((data) => {
        if (!live) return;
        setItems(data);
        setState('ready');
      })
      // Logged out, or a child that is not theirs: the results island beside says so.
      .catch((error) => live && setState(error instanceof ApiError && [400, 401, 403].includes(error.status) ? 'hidden' : 'failed'));
    return () => {
      live = false;
    };
  }, [locale]);

  if (state === 'loading' || state === 'hidden') return null;
  return (
    <section aria-labelledby="journal-title" className="journal-recommendations">
      <h2 id="journal-title">{t['results.journal.title']}</h2>
      {state === 'failed' && <p role="alert">{t['results.journal.failed']}</p>}
      {items && items.length === 0 && <p>{t['results.journal.none']}</p>}
      {items && items.length > 0 && (
        <ol className="journal-entries">
          {items.map((item, i) => (
            <li key={`${item.date}-${i}`} className="card" aria-labelledby={`journal-entry-${i}`}>
              <JournalEntry item={item} headingId={`journal-entry-${i}`} t={t} hrefs={{ professionsHref, institutionsHref }} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
