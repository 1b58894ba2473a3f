import { forwardRef, useCallback, useEffect, useRef, useState } from 'react';
import { resume } from './api';
import { format, type Messages } from './Form';
import { getProfile, getResult, getStatement, problemOf, type Problem, type Profile, type Result, type Statement } from './assessment-api';
import { sourceText } from './PartnerTests';
import ScaleTable from './runner/ScaleTable';
import Recommendations from './runner/Recommendations';
import ResultView from './runner/ResultView';
import TestProblem from './runner/TestProblem';
import { dateOf } from './runner/dates';

type Props = {
  locale: string;
  t: Messages;
  loginHref: string;
  testsHref: string;
  runHref: string;
  resultsHref: string;
  professionsHref: string;
  institutionsHref: string;
};

/** A result from outside Qabilet (a partner's test, a centre's desktop test), said to be from there. */
const StatementView = forwardRef<HTMLHeadingElement, { statement: Statement; t: Messages }>(function StatementView({ statement, t }, heading) {
  return (
    <section className="result" aria-labelledby="result-title">
      <h2 id="result-title" tabIndex={-1} ref={heading}>
        {format(t['results.one.title'], { test: statement.test.title })}
      </h2>
      <p>
        {sourceText(t, statement.source)}. {format(t['results.one.finished'], { date: dateOf(t, statement.finishedAt) })}
      </p>
      <ScaleTable t={t} caption={t['results.scales.caption']} scales={statement.scales} />
      <p className="hint">{t['results.scales.hint']}</p>
    </section>
  );
});

/**
 * The person's results (R-REC-1): one attempt's result when `?attempt=<id>` (one from outside
 * Qabilet when `?statement=<id>`), and always the
 * profile built from every result — inclinations, strengths, the recommended professions with
 * their % of fit, the specialist's recommendations and the list of results.
 */
export default function Results({ locale, t, loginHref, testsHref, runHref, resultsHref, professionsHref, institutionsHref }: Props) {
  const [state, setState] = useState<'loading' | 'loggedOut' | 'ready'>('loading');
  const [result, setResult] = useState<Result | null>(null);
  const [statement, setStatement] = useState<Statement | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [child, setChild] = useState<string | null>(null);
  const [login, setLogin] = useState(loginHref);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setProblem(null);
    const params = new URLSearchParams(window.location.search);
    const attempt = Number(params.get('attempt'));
    const external = params.get('statement');
    const forChild = params.get('child') || null;
    setChild(forChild);
    // One result that cannot be shown (still running, not this person's) leaves the profile in view.
    const [one, outside, mine] = await Promise.allSettled([
      Number.isInteger(attempt) && attempt > 0 ? getResult(attempt, locale) : Promise.resolve(null),
      external ? getStatement(external, locale, forChild) : Promise.resolve(null),
      getProfile(locale, forChild),
    ]);
    const failed = [one, outside, mine].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const found = failed ? problemOf(failed.reason) : null;
    if (found?.kind === 'loggedOut') return setState('loggedOut');
    setProblem(found);
    setResult(one.status === 'fulfilled' ? one.value : null);
    setStatement(outside.status === 'fulfilled' ? outside.value : null);
    setProfile(mine.status === 'fulfilled' ? mine.value : null);
    setState('ready');
  }, [locale]);

  useEffect(() => {
    setLogin(`${loginHref.split('?')[0]}?${new URLSearchParams({ next: `${window.location.pathname}${window.location.search}` })}`);
    const start = () =>
      resume(locale).then(
        (ok) => (ok ? load() : setState('loggedOut')),
        () => setState('loggedOut'),
      );
    start();
    window.addEventListener('online', start);
    return () => window.removeEventListener('online', start);
  }, [locale, load, loginHref]);

  // Arriving from the runner, the result's heading takes focus: it is what the person waited for.
  useEffect(() => {
    if (result || statement) heading.current?.focus();
  }, [result, statement]);

  if (state === 'loading') return <p role="status">{t['results.loading']}</p>;
  if (state === 'loggedOut')
    return (
      <p className="notice">
        {t['results.loggedOut']} <a href={login}>{t['test.login']}</a>
      </p>
    );
  /** Qabilet's own result by its attempt, one from outside by its statement. */
  const resultLink = (of: { attemptId?: number | null; statementId?: string | null }) => {
    const query = new URLSearchParams(of.statementId ? { statement: of.statementId } : { attempt: String(of.attemptId) });
    if (child) query.set('child', child);
    return `${resultsHref}?${query}`;
  };
  const isShown = (of: { attemptId?: number | null; statementId?: string | null }) =>
    of.statementId ? statement?.id === of.statementId : !!result && result.attemptId === of.attemptId;

  return (
    <div className="results">
      {problem ? <TestProblem problem={problem} t={t} onRetry={load} loginHref={login} /> : null}
      {result ? <ResultView ref={heading} result={result} t={t} resultsHref={resultsHref} child={child} /> : null}
      {statement ? <StatementView ref={heading} statement={statement} t={t} /> : null}

      {profile ? (
        <>
          <section aria-labelledby="profile-title">
            <h2 id="profile-title">{t['results.profile.title']}</h2>
            {profile.results.length === 0 ? (
              <p>
                {t['results.profile.empty']} <a href={testsHref}>{t['test.list.link']}</a>
              </p>
            ) : (
              <>
                <dl className="details-list profile-summary">
                  {profile.inclinations.length ? (
                    <div>
                      <dt>{t['results.profile.inclinations']}</dt>
                      <dd>{profile.inclinations.map((s) => s.name).join(', ')}</dd>
                    </div>
                  ) : null}
                  {profile.strengths.length ? (
                    <div>
                      <dt>{t['results.profile.strengths']}</dt>
                      <dd>{profile.strengths.map((s) => s.name).join(', ')}</dd>
                    </div>
                  ) : null}
                  {profile.load ? (
                    <div>
                      <dt>{t['results.profile.load']}</dt>
                      <dd>{profile.load.text}</dd>
                    </div>
                  ) : null}
                </dl>
                {profile.scales.length ? (
                  <ScaleTable
                    t={t}
                    caption={t['results.profile.scales']}
                    scales={profile.scales}
                    columns={[
                      { head: t['results.source.column'], cell: (s) => sourceText(t, s.source) },
                      { head: t['results.profile.when'], cell: (s) => <a href={resultLink(s)}>{dateOf(t, s.finishedAt)}</a> },
                    ]}
                  />
                ) : null}
              </>
            )}
          </section>

          <Recommendations profile={profile} t={t} professionsHref={professionsHref} institutionsHref={institutionsHref} runHref={runHref} child={child} />

          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t['results.notes.title']}</h2>
            {profile.notes.length ? (
              <ul className="notes">
                {profile.notes.map((n) => (
                  <li key={n.id} className="specialist-note">
                    <p>{n.text}</p>
                    {n.professions.length ? (
                      <p>
                        {t['results.notes.professions']}{' '}
                        {n.professions.map((p, i) => (
                          <span key={p.slug}>
                            {i ? ', ' : ''}
                            <a href={`${professionsHref}${p.slug}/`}>{p.name}</a>
                          </span>
                        ))}
                      </p>
                    ) : null}
                    <p className="muted">{format(t['results.notes.by'], { author: n.author, date: dateOf(t, n.createdAt) })}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t['results.notes.none']}</p>
            )}
          </section>

          <section aria-labelledby="list-title">
            <h2 id="list-title">{t['results.list.title']}</h2>
            {profile.results.length ? (
              <ul className="results-list">
                {profile.results.map((r) => (
                  <li key={r.statementId ?? r.attemptId}>
                    <a href={resultLink(r)} aria-current={isShown(r) ? 'page' : undefined}>
                      {r.title}
                    </a>{' '}
                    <span className="muted">
                      — {sourceText(t, r.source)}, {dateOf(t, r.finishedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t['results.list.none']}</p>
            )}
            <p>
              <a href={testsHref}>{t['test.list.link']}</a>
            </p>
          </section>
        </>
      ) : null}
    </div>
  );
}
