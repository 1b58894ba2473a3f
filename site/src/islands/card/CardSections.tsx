/**
 * The sections of the person's own card: their data, the services they used, ratings (none yet),
 * results over time (each measurement a captioned table; the change since the previous time in
 * words), the recommendations written for them and the talents found. Each section is a landmark
 * under an h2.
 */
import type { ReactNode } from 'react';
import type { CardPersonal, CardRecommendation, CardServices, CardTalent, JournalRecommendationsItem, ResultsOverTime, ScaleChange } from '@qabilet/domain';
import { format, type Messages } from '../Form';
import { dateOf } from '../runner/dates';
import { JournalEntry, type Catalogue } from '../JournalRecommendations';

export type { Catalogue };

type T = { t: Messages };
const word = (t: Messages, key: string) => t[key] ?? key;
const asked = (t: Messages, s: { service: string; format: string }) => `${word(t, `card.service.${s.service}`)}, ${word(t, `format.${s.format}`)}`;

/** A section of the page: a landmark named by its h2 (the progress page's sections too). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`card-${id}`}>
      <h2 id={`card-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** A captioned table whose first column heads each row. */
export function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Array<{ key: string; cells: string[] }> }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {c}
                </th>
              ) : (
                <td key={i}>{c}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PersonalSection({ t, personal }: T & { personal: CardPersonal }) {
  const facts: Array<[string, string | null]> = [
    [t['card.field.name'], [personal.surname, personal.firstName, personal.patronymic].filter(Boolean).join(' ')],
    [t['card.field.birthDate'], personal.birthDate ? dateOf(t, `${personal.birthDate}T12:00:00Z`) : null],
    [t['card.field.phone'], personal.phone],
    [t['card.field.email'], personal.email],
    [t['card.field.consent'], word(t, `card.consent.${personal.consent}`)],
  ];
  return (
    <Section id="personal" title={t['card.personal']}>
      <dl className="details-list">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

export function ServicesSection({ t, services }: T & { services: CardServices }) {
  const status = (s: string) => word(t, `card.status.${s}`);
  const outside = [...services.partnerResults, ...services.desktopResults];
  const part = (title: string, rows: number, table: ReactNode) => (
    <>
      <h3>{title}</h3>
      {rows ? table : <p>{t['card.none']}</p>}
    </>
  );
  return (
    <Section id="services" title={t['card.services']}>
      {part(
        t['card.requests'],
        services.requests.length,
        <Table
          caption={t['card.requests']}
          head={[t['card.col.number'], t['card.col.date'], t['card.col.status'], t['card.col.service'], t['card.col.centre']]}
          rows={services.requests.map((r) => ({
            key: r.number,
            cells: [r.number, dateOf(t, r.createdAt), status(r.status), asked(t, r), r.centre?.name ?? '—'],
          }))}
        />,
      )}
      {part(
        t['card.bookings'],
        services.bookings.length,
        <Table
          caption={t['card.bookings']}
          head={[t['card.col.date'], t['card.col.status'], t['card.col.service'], t['card.col.centre']]}
          rows={services.bookings.map((b) => ({ key: b.start, cells: [dateOf(t, b.start), status(b.status), asked(t, b), b.centre.name] }))}
        />,
      )}
      {part(
        t['card.attempts'],
        services.attempts.length,
        <Table
          caption={t['card.attempts']}
          head={[t['card.col.test'], t['card.col.date'], t['card.col.status']]}
          rows={services.attempts.map((a) => ({ key: String(a.id), cells: [a.title, dateOf(t, a.finishedAt ?? a.startedAt), status(a.status)] }))}
        />,
      )}
      {part(
        t['card.outside'],
        outside.length,
        <Table
          caption={t['card.outside']}
          head={[t['card.col.test'], t['card.col.source'], t['card.col.date']]}
          rows={outside.map((r, i) => ({ key: `${r.test}-${i}`, cells: [r.title, r.source, dateOf(t, r.at)] }))}
        />,
      )}
      {part(
        t['card.waitlist'],
        services.waitlist.length,
        <Table
          caption={t['card.waitlist']}
          head={[t['card.col.period'], t['card.col.status'], t['card.col.service'], t['card.col.centre']]}
          rows={services.waitlist.map((w, i) => ({
            key: `${w.from}-${i}`,
            cells: [`${dateOf(t, `${w.from}T12:00:00Z`)} – ${dateOf(t, `${w.to}T12:00:00Z`)}`, status(w.status), asked(t, w), w.centre.name],
          }))}
        />,
      )}
      <p className="muted">{t['card.videoSessions']}</p>
    </Section>
  );
}

export function RatingsSection({ t }: T) {
  return (
    <Section id="ratings" title={t['card.ratings']}>
      <p>{t['card.ratings.none']}</p>
    </Section>
  );
}

const changeText = (t: Messages, change: ScaleChange | undefined, first: boolean) => {
  if (first) return t['card.results.first'];
  if (!change) return '—';
  const points = Math.abs(Math.round(change.change));
  return change.change > 0 ? format(t['card.results.up'], { points }) : change.change < 0 ? format(t['card.results.down'], { points }) : t['card.results.same'];
};

export function ResultsSection({ t, results }: T & { results: ResultsOverTime }) {
  return (
    <Section id="results" title={t['card.results']}>
      {results.length ? null : <p>{t['card.results.none']}</p>}
      {results.map((test) => (
        <section key={`${test.source}-${test.test}`} aria-labelledby={`card-test-${test.source}-${test.test}`}>
          <h3 id={`card-test-${test.source}-${test.test}`}>{test.title}</h3>
          {test.measurements.map((m, i) => (
            <Table
              key={`${m.at}-${i}`}
              caption={format(t['card.results.caption'], { test: test.title, date: dateOf(t, m.at) })}
              head={[t['card.col.scale'], t['card.col.score'], t['card.col.change']]}
              rows={m.scales.map((s) => ({
                key: s.scale,
                cells: [
                  s.name,
                  String(Math.round(s.score)),
                  changeText(
                    t,
                    m.change?.find((c) => c.scale === s.scale),
                    m.change === null,
                  ),
                ],
              }))}
            />
          ))}
        </section>
      ))}
    </Section>
  );
}

export function RecommendationsSection({ t, recommendations }: T & { recommendations: CardRecommendation[] }) {
  return (
    <Section id="recommendations" title={t['card.recommendations']}>
      {recommendations.length ? (
        <ul className="notes">
          {recommendations.map((r) => (
            <li key={r.id} className="specialist-note">
              <p>{r.text}</p>
              {r.professions.length ? <p>{r.professions.map((p) => p.name).join(', ')}</p> : null}
              <p className="muted">{format(t['card.recommendations.by'], { author: r.author, date: dateOf(t, r.createdAt) })}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t['card.recommendations.none']}</p>
      )}
    </Section>
  );
}

/** The consultation journal's signed recommendations (the day, the specialist, the recommendations with their links, the next step). */
export function JournalSection({ t, items, hrefs }: T & { items: JournalRecommendationsItem[]; hrefs: Catalogue }) {
  return (
    <Section id="journal" title={t['results.journal.title']}>
      {items.length ? null : <p>{t['results.journal.none']}</p>}
      {items.map((item, i) => (
        <section key={`${item.date}-${i}`} aria-labelledby={`card-journal-${i}`}>
          <JournalEntry item={item} headingId={`card-journal-${i}`} t={t} hrefs={hrefs} />
        </section>
      ))}
    </Section>
  );
}

/** The talents found: each domain with its status and strength, and the results that placed it there. */
export function TalentsSection({ t, items }: T & { items: CardTalent[] }) {
  return (
    <Section id="talents" title={t['card.talents.title']}>
      <p>{t['card.talents.lead']}</p>
      {items.length ? null : <p>{t['card.talents.none']}</p>}
      {items.length ? (
        <ul>
          {items.map((e) => (
            <li key={e.id}>
              <p>
                <strong>{e.domainName}</strong>
                {': '}
                {format(t['card.talents.entry'], { status: word(t, `card.talents.status.${e.status}`), strength: e.strength })}
              </p>
              <ul>
                {e.evidence.agreeing.map((m, i) => (
                  <li key={i}>
                    {format(m.percentile !== null && m.norm !== null ? t['card.talents.normed'] : t['card.talents.unnormed'], {
                      test: m.test,
                      date: dateOf(t, m.at),
                      score: m.score,
                    })}
                  </li>
                ))}
                {e.evidence.confirmation ? <li>{format(t['card.talents.confirmedBy'], { author: e.evidence.confirmation.authorName })}</li> : null}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
