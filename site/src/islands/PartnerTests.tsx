import { useCallback, useEffect, useRef, useState } from 'react';
import { format, type Messages } from './Form';
import type { Problem, ResultSource } from './assessment-api';
import { launchPartnerTest, listPartnerTests, partnerProblemOf, rememberLaunch, returnedFrom, type PartnerTest } from './partners-api';
import ResultLink from './runner/ResultLink';
import ScaleTable from './runner/ScaleTable';
import TestProblem from './runner/TestProblem';
import { dateOf } from './runner/dates';
import { useAnnouncer } from './runner/useAnnouncer';

/** Where a result came from, in words: Qabilet's own test, a partner's, or a centre's desktop test. */
export function sourceText(t: Messages, source: ResultSource | null | undefined): string {
  if (!source) return t['results.source.qabilet'] ?? '';
  return format(t[source.kind === 'desktop' ? 'results.source.desktop' : 'results.source.partner'], { name: source.name });
}

type Props = { locale: string; t: Messages; child: string | null; cabinetHref: string; loginHref: string; resultsHref: string; onLoggedOut: () => void };

// Coming back from a partner, the result may still be on its way: the list is asked again for a while.
const POLL_MS = 3000;
const POLLS = 10;

/** Whether the test's newest launch has its result: the server says completed only then (a test taken before may be taken again). */
const done = (test: PartnerTest) => test.status === 'completed';

/**
 * The partners' tests in the cabinet (R-TEST-1): each with its status and last result, and the way
 * to start it on the partner's site; coming back from there, the result is awaited a little.
 */
export default function PartnerTests({ locale, t, child, cabinetHref, loginHref, resultsHref, onLoggedOut }: Props) {
  const [tests, setTests] = useState<PartnerTest[]>();
  const [problem, setProblem] = useState<{ problem: Problem; focus: boolean } | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<'no' | 'polling' | 'gave-up'>('no');
  const [message, announce] = useAnnouncer();
  const returned = useRef(typeof window === 'undefined' ? null : returnedFrom(window.location.search));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The return is awaited for the person the test was started for, not for whoever is chosen next.
  const back = returned.current && returned.current.child === child ? returned.current : null;

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setProblem(null);
      try {
        const found = await listPartnerTests(locale, child);
        setTests(found);
        return found;
      } catch (error) {
        const found = partnerProblemOf(error);
        if (found.kind === 'loggedOut') onLoggedOut();
        // A CMS without the partners plugin has nothing to list: the section stays away.
        else if (!(found.kind === 'other' && found.status === 404)) setProblem({ problem: found, focus: false });
        if (!quiet) setTests([]);
        return undefined;
      }
    },
    [locale, child, onLoggedOut],
  );

  const awaitResult = useCallback(
    (from: { partner: string; test: string }) => {
      clearTimeout(timer.current);
      setWaiting('polling');
      announce(t['partners.returned']);
      const poll = async (left: number) => {
        const found = await load(left < POLLS);
        const test = found?.find((x) => x.partner.clientId === from.partner && x.key === from.test);
        if (test && done(test)) {
          setWaiting('no');
          announce(format(t['partners.arrived'], { test: test.title, partner: test.partner.name }));
        } else if (left > 0) {
          timer.current = setTimeout(() => void poll(left - 1), POLL_MS);
        } else {
          setWaiting('gave-up');
          announce(t['partners.notYet']);
        }
      };
      void poll(POLLS);
    },
    [announce, load, t],
  );

  useEffect(() => {
    setTests(undefined);
    setWaiting('no');
    if (back) awaitResult(back);
    else void load();
    return () => clearTimeout(timer.current);
  }, [back, load, awaitResult]);

  // Back from the partner's site with the browser's Back button, the page may be the one left.
  useEffect(() => {
    const shown = (event: PageTransitionEvent) => {
      if (event.persisted) setStarting(null);
    };
    window.addEventListener('pageshow', shown);
    return () => window.removeEventListener('pageshow', shown);
  }, []);

  const start = async (test: PartnerTest) => {
    setStarting(`${test.partner.clientId}/${test.key}`);
    setProblem(null);
    try {
      const { url } = await launchPartnerTest(test.partner.clientId, test.key, child, locale);
      rememberLaunch({ partner: test.partner.clientId, test: test.key, child });
      announce(format(t['partners.opening'], { partner: test.partner.name }));
      window.location.assign(url);
    } catch (error) {
      const found = partnerProblemOf(error);
      if (found.kind === 'loggedOut') onLoggedOut();
      else setProblem({ problem: found, focus: true });
      setStarting(null);
    }
  };

  if (!tests?.length && !problem && !back) return null;

  const resultLink = (statement: string) => `${resultsHref}?${new URLSearchParams({ statement, ...(child ? { child } : {}) })}`;
  const statusOf = (test: PartnerTest) => {
    if (test.status === 'completed' && test.completedAt) return format(t['partners.status.completed'], { date: dateOf(t, test.completedAt) });
    if (test.status === 'started' && test.launchedAt) return format(t['partners.status.started'], { date: dateOf(t, test.launchedAt) });
    return t['partners.status.available'];
  };

  return (
    <section aria-labelledby="partner-tests-title" aria-busy={tests === undefined}>
      <h2 id="partner-tests-title">{t['partners.title']}</h2>
      <p>{t['partners.lead']}</p>
      <p role="status" className={message ? 'notice' : 'visually-hidden'}>
        {message}
      </p>
      {waiting === 'gave-up' && back ? (
        <p>
          <button type="button" className="secondary" onClick={() => awaitResult(back)}>
            {t['partners.checkAgain']}
          </button>
        </p>
      ) : null}
      {problem ? (
        <TestProblem problem={problem.problem} t={t} focus={problem.focus} onRetry={() => void load()} cabinetHref={cabinetHref} loginHref={loginHref} />
      ) : null}
      {tests === undefined ? (
        <p>{t['partners.loading']}</p>
      ) : (
        <ul className="test-cards">
          {tests.map((test) => {
            const id = `partner-${test.partner.clientId}-${test.key}`;
            const label = t[test.status === 'available' ? 'partners.start' : 'partners.again'];
            return (
              <li key={id} className="card test-card">
                <h3>{test.title}</h3>
                <p>{test.summary}</p>
                <dl className="details-list">
                  <div>
                    <dt>{t['results.source.column']}</dt>
                    <dd>{sourceText(t, { kind: 'partner', name: test.partner.name })}</dd>
                  </div>
                  <div>
                    <dt>{t['test.list.state']}</dt>
                    <dd>{statusOf(test)}</dd>
                  </div>
                </dl>
                {test.result ? (
                  <ScaleTable t={t} caption={format(t['partners.scores'], { date: dateOf(t, test.result.completedAt) })} scales={test.result.scales} />
                ) : null}
                <p className="hint" id={`${id}-where`}>
                  {format(t['partners.leaving'], { partner: test.partner.name })}
                </p>
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => void start(test)}
                    disabled={starting !== null}
                    aria-label={`${label}: ${test.title}`}
                    aria-describedby={`${id}-where`}
                  >
                    {label}
                  </button>
                  {test.result ? <ResultLink t={t} href={resultLink(test.result.statementId)} test={test.title} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
