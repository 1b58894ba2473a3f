import { useCallback, useState, type FormEvent } from 'react';
import { EXTRA_TIME, scaledSeconds } from '@qabilet/domain';
import { format, type Messages } from './Form';
import { getPreferences, listTests, loadAccount, problemOf, setPreferences, type Account, type Problem, type TestSummary } from './assessment-api';
import { returnedFrom } from './partners-api';
import PartnerTests from './PartnerTests';
import ResultLink from './runner/ResultLink';
import TestProblem from './runner/TestProblem';
import { dateOf } from './runner/dates';
import { useResume } from './useResume';

type Props = { locale: string; t: Messages; loginHref: string; cabinetHref: string; runHref: string; resultsHref: string };

/**
 * The tests the person (or one of their children) can take, with the way to start, continue or
 * see the last result; and the accessibility preference of extra time for timed tests.
 */
export default function TestList({ locale, t, loginHref, cabinetHref, runHref, resultsHref }: Props) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [child, setChild] = useState<string | null>(null);
  const [tests, setTests] = useState<TestSummary[]>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [extra, setExtra] = useState<number | null>(null);
  const [draft, setDraft] = useState(0);
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);

  const loadTests = useCallback(
    async (forChild: string | null) => {
      setProblem(null);
      setTests(undefined);
      try {
        setTests(await listTests(locale, forChild));
      } catch (error) {
        const found = problemOf(error);
        if (found.kind === 'loggedOut') setAccount(null);
        else setProblem(found);
        setTests([]);
      }
    },
    [locale],
  );

  /** Each person has their own extra time: a parent sets it for each child. */
  const loadExtra = useCallback(
    async (person: string | null) => {
      const preferences = await getPreferences(locale, person).catch(() => ({ extraTimePercent: 0 }));
      setExtra(preferences.extraTimePercent);
      setDraft(preferences.extraTimePercent);
    },
    [locale],
  );

  const load = useCallback(async () => {
    setProblem(null);
    // Back from a partner's test (its address says nothing of whom it was for), the same person is chosen.
    const wanted = new URLSearchParams(window.location.search).get('child') ?? returnedFrom(window.location.search)?.child ?? null;
    try {
      const me = await loadAccount(locale);
      setAccount(me);
      const chosen = me.children.some((c) => c.documentId === wanted) ? wanted : null;
      setChild(chosen);
      await Promise.all([loadTests(chosen), loadExtra(chosen)]);
    } catch (error) {
      const found = problemOf(error);
      if (found.kind === 'loggedOut') setAccount(null);
      else setProblem(found);
    }
  }, [locale, loadTests, loadExtra]);

  const loggedOut = useCallback(() => setAccount(null), []);

  useResume(locale, load, loggedOut);

  const choose = (next: string | null) => {
    setChild(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('child', next);
    else url.searchParams.delete('child');
    window.history.replaceState(null, '', url);
    setNotice('');
    void loadTests(next);
    void loadExtra(next);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setNotice('');
    try {
      const saved = await setPreferences(draft, locale, child);
      setExtra(saved.extraTimePercent);
      setNotice(saved.extraTimePercent ? format(t['test.extra.saved'], { percent: saved.extraTimePercent }) : t['test.extra.savedNone']);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSaving(false);
    }
  };

  if (account === null)
    return (
      <p className="notice">
        {t['test.list.loggedOut']} <a href={loginHref}>{t['test.login']}</a>
      </p>
    );
  if (account === undefined) {
    return problem ? <TestProblem problem={problem} t={t} onRetry={load} cabinetHref={cabinetHref} /> : <p role="status">{t['test.list.loading']}</p>;
  }

  const query = (slug: string, extraParams: Record<string, string> = {}) => {
    const params = new URLSearchParams({ test: slug, ...extraParams });
    if (child) params.set('child', child);
    return params.toString();
  };
  const resultLink = (attemptId: number) => `${resultsHref}?${new URLSearchParams({ attempt: String(attemptId), ...(child ? { child } : {}) })}`;
  const who = child ? account.children.find((c) => c.documentId === child) : null;
  // The server starts a test only for its ages: the others are listed, said to be for other ages.
  const age = who ? who.age : account.profile.age;
  const forAge = (test: TestSummary) => typeof age !== 'number' || (age >= test.ageFrom && age <= test.ageTo);
  const shown = tests ? [...tests.filter(forAge), ...tests.filter((test) => !forAge(test))] : undefined;
  const action = (test: TestSummary) => (test.running ? 'test.list.continue' : test.lastResult ? 'test.list.again' : 'test.list.start');
  const timeText = (seconds: number | null) => {
    if (!seconds) return t['test.list.noLimit'];
    const minutes = Math.round(seconds / 60);
    const scaled = Math.round(scaledSeconds(seconds, extra ?? 0) / 60);
    return scaled !== minutes ? format(t['test.list.limitExtra'], { minutes, scaled }) : format(t['test.list.limit'], { minutes });
  };

  return (
    <div className="tests">
      <p role="status" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>

      {account.children.length ? (
        <fieldset className="test-person">
          <legend>{t['test.list.who']}</legend>
          <label className="choice">
            <input type="radio" name="person" value="" checked={!child} onChange={() => choose(null)} />{' '}
            {format(t['test.list.me'], { name: account.profile.firstName ?? '' })}
          </label>
          {account.children.map((c) => (
            <label className="choice" key={c.documentId}>
              <input type="radio" name="person" value={c.documentId} checked={child === c.documentId} onChange={() => choose(c.documentId)} />{' '}
              {format(t['test.list.child'], { name: c.firstName, age: c.age })}
            </label>
          ))}
        </fieldset>
      ) : null}

      <section aria-labelledby="tests-title">
        <h2 id="tests-title">{who ? format(t['test.list.forChild'], { name: who.firstName }) : t['test.list.available']}</h2>
        {/* Said before a start is refused: the same consent gate as for bookings (a child's own consent is checked on starting). */}
        {!who && !account.consent.servicesAllowed && !problem ? (
          <TestProblem
            problem={{
              kind: 'consent',
              code: account.consent.parentalNeeded && !account.consent.parental ? 'consent.parental' : 'consent.missing',
              message: '',
            }}
            t={t}
            cabinetHref={cabinetHref}
          />
        ) : null}
        {problem ? <TestProblem problem={problem} t={t} onRetry={() => void loadTests(child)} cabinetHref={cabinetHref} loginHref={loginHref} /> : null}
        {!shown ? (
          <p role="status">{t['test.list.loading']}</p>
        ) : shown.length ? (
          <ul className="test-cards">
            {shown.map((test) => (
              <li key={test.slug} className="card test-card">
                <h3>{test.title}</h3>
                <p>{test.summary}</p>
                <dl className="details-list">
                  <div>
                    <dt>{t['test.list.ages']}</dt>
                    <dd>{format(t['test.list.agesValue'], { from: test.ageFrom, to: test.ageTo })}</dd>
                  </div>
                  <div>
                    <dt>{t['test.list.items']}</dt>
                    <dd>{test.items}</dd>
                  </div>
                  <div>
                    <dt>{t['test.list.time']}</dt>
                    <dd>{timeText(test.timeLimitSeconds)}</dd>
                  </div>
                  {test.profession ? (
                    <div>
                      <dt>{t['test.list.profession']}</dt>
                      <dd>{test.profession.name}</dd>
                    </div>
                  ) : null}
                  {test.running ? (
                    <div>
                      <dt>{t['test.list.state']}</dt>
                      <dd>{t['test.list.running']}</dd>
                    </div>
                  ) : test.lastResult ? (
                    <div>
                      <dt>{t['test.list.state']}</dt>
                      <dd>{format(t['test.list.taken'], { date: dateOf(t, test.lastResult.finishedAt) })}</dd>
                    </div>
                  ) : null}
                </dl>
                {!forAge(test) ? <p className="hint">{format(t['test.list.notForAge'], { from: test.ageFrom, to: test.ageTo })}</p> : null}
                <div className="actions">
                  {/* Each link's name says which test it is for; the visible words start it. */}
                  {forAge(test) || test.running ? (
                    <a className="button-link" href={`${runHref}?${query(test.slug)}`} aria-label={`${t[action(test)]}: ${test.title}`}>
                      {t[action(test)]}
                    </a>
                  ) : null}
                  {test.lastResult ? <ResultLink t={t} href={resultLink(test.lastResult.attemptId)} test={test.title} /> : null}
                </div>
              </li>
            ))}
          </ul>
        ) : !problem ? (
          <p>{t['test.list.none']}</p>
        ) : null}
        <p>
          <a href={`${resultsHref}${child ? `?${new URLSearchParams({ child })}` : ''}`}>{t['results.link']}</a>
        </p>
      </section>

      <PartnerTests locale={locale} t={t} child={child} cabinetHref={cabinetHref} loginHref={loginHref} resultsHref={resultsHref} onLoggedOut={loggedOut} />

      <section aria-labelledby="extra-title">
        <h2 id="extra-title">{t['test.extra.title']}</h2>
        <form className="form" onSubmit={save}>
          <fieldset>
            <legend>{t['test.extra.legend']}</legend>
            <p className="hint" id="extra-hint">
              {t['test.extra.hint']}
            </p>
            {EXTRA_TIME.map((percent) => (
              <label className="choice" key={percent}>
                <input
                  type="radio"
                  name="extraTime"
                  value={percent}
                  checked={draft === percent}
                  aria-describedby="extra-hint"
                  onChange={() => setDraft(percent)}
                />{' '}
                {percent ? format(t['test.extra.option'], { percent }) : t['test.extra.none']}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" disabled={saving || extra === null}>
              {t['test.extra.save']}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
