import { format, type Messages } from '../Form';
import type { Profile, Recommendation } from '../assessment-api';
import Bar from './Bar';
import { dateOf } from './dates';

type Props = { profile: Profile; t: Messages; professionsHref: string; institutionsHref: string; runHref: string; child: string | null };

/** Only web addresses are links (never `javascript:` or the like from content). */
const webAddress = (value: string | null) => {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
};

/** The professions that suit the person best, each with its % of fit explained, what to study and where. */
export default function Recommendations({ profile, t, professionsHref, institutionsHref, runHref, child }: Props) {
  const notesFor = (r: Recommendation) => profile.notes.filter((n) => n.professions.some((p) => p.slug === r.profession.slug));
  const runLink = (slug: string) => `${runHref}?${new URLSearchParams({ test: slug, ...(child ? { child } : {}) })}`;
  return (
    <section aria-labelledby="recommendations-title">
      <h2 id="recommendations-title">{t['results.recommendations.title']}</h2>
      {profile.recommendations.length === 0 ? (
        <p>{t['results.recommendations.none']}</p>
      ) : (
        <ol className="recommendations">
          {profile.recommendations.map((r) => {
            const notes = notesFor(r);
            const id = `rec-${r.profession.slug}`;
            return (
              <li key={r.profession.slug} className="card recommendation">
                <h3 id={id}>
                  <a href={`${professionsHref}${r.profession.slug}/`}>{r.profession.name}</a>
                </h3>
                <p className="fit">
                  <strong>{format(t['results.fit'], { fit: r.fit })}</strong>
                  <Bar value={r.fit} />
                </p>
                <p>{r.explanation}</p>
                <details className="recommendation-scales">
                  <summary>{t['results.recommendation.compare']}</summary>
                  <table>
                    <caption className="visually-hidden">{format(t['results.recommendation.caption'], { profession: r.profession.name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t['results.scales.scale']}</th>
                        <th scope="col">{t['results.recommendation.you']}</th>
                        <th scope="col">{t['results.recommendation.profession']}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.scales.map((s) => (
                        <tr key={s.scale}>
                          <th scope="row">{s.name}</th>
                          <td>
                            <span className="score-cell">
                              <span className="score-number">{s.person}</span>
                              <Bar value={s.person} />
                            </span>
                          </td>
                          <td>
                            <span className="score-cell">
                              <span className="score-number">{s.profession}</span>
                              <Bar value={s.profession} kind="other" />
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
                {r.specialties.length ? (
                  <>
                    <h4>{t['results.recommendation.study']}</h4>
                    <ul>
                      {r.specialties.map((s) => (
                        <li key={s.key}>
                          {s.code ? `${s.code} — ` : ''}
                          {s.name}
                          {t[`level.${s.level}`] ? <span className="muted"> ({t[`level.${s.level}`]})</span> : null}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {r.institutions.length ? (
                  <>
                    <h4>{t['results.recommendation.where']}</h4>
                    <ul>
                      {r.institutions.map((i) => {
                        const site = webAddress(i.website);
                        return (
                          <li key={i.slug}>
                            <a href={`${institutionsHref}#${i.slug}`}>{i.name}</a>
                            {i.locality ? <span className="muted"> — {i.locality}</span> : null}
                            {site ? (
                              <>
                                {' · '}
                                <a href={site.href} rel="noopener noreferrer">
                                  {format(t['results.recommendation.website'], { host: site.host })}
                                </a>
                              </>
                            ) : null}
                          </li>
                        );
                      })}
                    </ul>
                  </>
                ) : null}
                {r.professionTestSlug && r.professionTest === null ? (
                  <p>
                    <a href={runLink(r.professionTestSlug)}>{format(t['results.recommendation.test'], { profession: r.profession.name })}</a>
                  </p>
                ) : null}
                {notes.length ? (
                  <div className="specialist-note">
                    <h4>{t['results.notes.title']}</h4>
                    {notes.map((n) => (
                      <p key={n.id}>
                        {n.text}{' '}
                        <span className="muted">
                          — {n.author}, {dateOf(t, n.createdAt)}
                        </span>
                      </p>
                    ))}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
