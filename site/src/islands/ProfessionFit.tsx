import { useEffect, useState } from 'react';
import { resume } from './api';
import { format, type Messages } from './Form';
import { getFit, type Recommendation } from './assessment-api';
import Bar from './runner/Bar';

type Props = { locale: string; t: Messages; loginHref: string; testsHref: string; runHref: string; resultsHref: string };
type Fit = { data: Recommendation | null; missing: string[]; professionTestSlug: string | null };

/** The profession's name in the catalogue (public content), for the heading and the hints. */
async function professionName(slug: string, locale: string): Promise<string | null> {
  const query = new URLSearchParams({ 'filters[slug][$eq]': slug, locale, 'fields[0]': 'name' });
  const answer = await fetch(`/api/professions?${query}`, { headers: { Accept: 'application/json' } }).then((r) => (r.ok ? r.json() : null));
  return answer?.data?.[0]?.name ?? null;
}

/**
 * How well a chosen profession (`?profession=<slug>`, linked from the profession's page) suits the
 * logged-in person, or which tests to take to find out (R-REC-1). The profession's page itself stays
 * static, without JavaScript, for everyone who only reads it.
 */
export default function ProfessionFit({ locale, t, loginHref, testsHref, runHref, resultsHref }: Props) {
  const [fit, setFit] = useState<Fit | null>(null);
  const [name, setName] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'login' | 'unknown'>('loading');

  useEffect(() => {
    let live = true;
    const slug = new URLSearchParams(window.location.search).get('profession') ?? '';
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      setState('unknown');
      return;
    }
    professionName(slug, locale)
      .then((found) => live && (found ? setName(found) : setState('unknown')))
      .catch(() => undefined);
    (async () => {
      if (!(await resume(locale))) return live && setState('login');
      const answer = await getFit(slug, locale);
      if (!live) return;
      setFit({
        data: answer.data,
        missing: Array.isArray(answer.missing) ? answer.missing : [],
        professionTestSlug: answer.professionTestSlug ?? answer.data?.professionTestSlug ?? null,
      });
    })().catch(() => live && setState('unknown'));
    return () => {
      live = false;
    };
  }, [locale]);

  if (state === 'unknown') return <p role="alert">{t['test.fit.unknown']}</p>;
  if (state === 'login') {
    const next = `${window.location.pathname}${window.location.search}`;
    return (
      <p>
        <a href={`${loginHref}?${new URLSearchParams({ next })}`}>{t['test.fit.login']}</a>
      </p>
    );
  }
  if (!fit || !name) return <p role="status">{t['test.fit.loading']}</p>;
  const { data, missing, professionTestSlug } = fit;
  const professionTest = professionTestSlug ? `${runHref}?${new URLSearchParams({ test: professionTestSlug })}` : testsHref;
  return (
    <section className="profession-fit" aria-labelledby="fit-title">
      <h2 id="fit-title">{name}</h2>
      {data ? (
        <>
          <p className="fit">
            <strong>{format(t['test.fit.value'], { fit: data.fit })}</strong>
            <Bar value={data.fit} />
          </p>
          <p>{data.explanation}</p>
        </>
      ) : null}
      {missing.includes('interests') ? (
        <p>
          {t['test.fit.needInterests']} <a href={testsHref}>{t['test.fit.takeInterests']}</a>
        </p>
      ) : null}
      {missing.includes('professionTest') ? (
        <p>
          {format(t['test.fit.needProfessionTest'], { profession: name })} <a href={professionTest}>{t['test.fit.takeProfessionTest']}</a>
        </p>
      ) : null}
      {data ? (
        <p>
          <a href={resultsHref}>{t['results.link']}</a>
        </p>
      ) : null}
    </section>
  );
}
