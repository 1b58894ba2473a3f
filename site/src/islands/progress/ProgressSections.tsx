/**
 * The sections of the person's own progress: the figures at a glance, each test's scores over time
 * (a table, and a small drawing when taken more than once), the repeated diagnostics compared scale
 * by scale, the consultations and the recommendations received. Each section is a landmark under
 * an h2; every figure is in a table.
 */
import type { ProgressDiagnostic, ProgressView } from '@qabilet/domain';
import { format, type Messages } from '../Form';
import { dateOf } from '../runner/dates';
import { Section, Table } from '../card/CardSections';
import ScoreLines from './ScoreLines';

type T = { t: Messages };
const word = (t: Messages, key: string) => t[key] ?? key;
/** Points with a sign and at most one decimal: "+12", "−0.5", "0". */
const signed = (n: number) => {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : '0';
};
const score = (n: number) => String(Math.round(n * 10) / 10);
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Almaty', hour: '2-digit', minute: '2-digit' });
/** The day of a result, with the time (Kazakhstan's) when another of `all` was on the same day. */
const whenOf = (t: Messages, at: string, all: string[]) => {
  const day = dateOf(t, at);
  return all.some((other) => other !== at && dateOf(t, other) === day) ? `${day}, ${clock.format(new Date(at))}` : day;
};

export function SummarySection({ t, view }: T & { view: ProgressView }) {
  const facts: Array<[string, number]> = [
    ['progress.summary.diagnostics', view.diagnostics.length],
    ['progress.summary.repeats', view.repeats.length],
    ['progress.summary.recommendations', view.recommendations.length],
    ['progress.summary.booked', view.consultations.booked],
    ['progress.summary.delivered', view.consultations.delivered],
    ['progress.summary.noShows', view.consultations.noShows],
  ];
  return (
    <Section id="progress-summary" title={t['progress.summary']}>
      <dl className="details-list">
        {facts.map(([key, value]) => (
          <div key={key}>
            <dt>{t[key]}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

/** Each test's results, oldest first (the view lists them newest first), by test and source. */
function byTest(diagnostics: ProgressDiagnostic[]) {
  const tests = new Map<string, ProgressDiagnostic[]>();
  for (const d of [...diagnostics].reverse()) tests.set(`${d.source}|${d.test}`, [...(tests.get(`${d.source}|${d.test}`) ?? []), d]);
  return [...tests.entries()].reverse().map(([key, list]) => {
    const scales = new Map(list.flatMap((d) => d.scales.map((s) => [s.key, s.name] as const)));
    return { key, name: list[list.length - 1]!.testName, list, scales: [...scales].map(([k, name]) => ({ key: k, name })) };
  });
}

export function DiagnosticsSection({ t, diagnostics }: T & { diagnostics: ProgressDiagnostic[] }) {
  return (
    <Section id="progress-diagnostics" title={t['progress.diagnostics']}>
      {diagnostics.length ? null : <p>{t['progress.diagnostics.none']}</p>}
      {byTest(diagnostics).map((test) => {
        const scoreAt = (d: ProgressDiagnostic, key: string) => d.scales.find((s) => s.key === key)?.score ?? null;
        return (
          <section key={test.key} aria-labelledby={`progress-test-${test.key}`}>
            <h3 id={`progress-test-${test.key}`}>{test.name}</h3>
            {test.list.length > 1 ? (
              <ScoreLines
                caption={format(t['progress.diagnostics.chart'], { test: test.name })}
                series={test.scales.map((s) => ({ ...s, scores: test.list.map((d) => scoreAt(d, s.key)) }))}
              />
            ) : null}
            <Table
              caption={format(t['progress.diagnostics.table'], { test: test.name })}
              head={[
                t['progress.col.scale'],
                ...test.list.map((d) =>
                  whenOf(
                    t,
                    d.at,
                    test.list.map((x) => x.at),
                  ),
                ),
              ]}
              rows={test.scales.map((s) => ({
                key: s.key,
                cells: [s.name, ...test.list.map((d) => (scoreAt(d, s.key) === null ? '—' : score(scoreAt(d, s.key)!)))],
              }))}
            />
          </section>
        );
      })}
    </Section>
  );
}

export function RepeatsSection({ t, repeats }: T & { repeats: ProgressView['repeats'] }) {
  return (
    <Section id="progress-repeats" title={t['progress.repeats']}>
      <p>{repeats.length ? t['progress.repeats.lead'] : t['progress.repeats.none']}</p>
      {repeats.map((r, i) => (
        <Table
          key={`${r.test}-${r.to}-${i}`}
          caption={format(t['progress.repeats.caption'], { test: r.testName, from: whenOf(t, r.from, [r.to]), to: whenOf(t, r.to, [r.from]) })}
          head={[t['progress.col.scale'], t['progress.col.before'], t['progress.col.after'], t['progress.col.delta'], t['progress.col.move']]}
          rows={r.scales.map((s) => ({
            key: s.key,
            cells: [s.name, score(s.before), score(s.after), signed(s.delta), word(t, `progress.move.${s.move}`)],
          }))}
        />
      ))}
    </Section>
  );
}

export function ConsultationsSection({ t, consultations }: T & { consultations: ProgressView['consultations'] }) {
  return (
    <Section id="progress-consultations" title={t['progress.consultations']}>
      <p>{format(t['progress.consultations.counts'], { booked: consultations.booked, delivered: consultations.delivered, noShows: consultations.noShows })}</p>
      {consultations.list.length ? (
        <Table
          caption={t['progress.consultations.caption']}
          head={[t['progress.col.date'], t['progress.col.centre'], t['progress.col.format'], t['progress.col.status']]}
          rows={consultations.list.map((c, i) => ({
            key: `${c.date}-${i}`,
            cells: [dateOf(t, c.date), c.centre, word(t, `format.${c.format}`), word(t, `card.status.${c.status}`)],
          }))}
        />
      ) : (
        <p>{t['progress.consultations.none']}</p>
      )}
    </Section>
  );
}

export function RecommendationsSection({ t, recommendations, cardHref }: T & { recommendations: ProgressView['recommendations']; cardHref: string }) {
  return (
    <Section id="progress-recommendations" title={t['progress.recommendations']}>
      {recommendations.length ? (
        <>
          <ul>
            {recommendations.map((r, i) => (
              <li key={`${r.at}-${i}`}>
                {format(t['progress.recommendations.by'], { author: r.author, date: dateOf(t, r.at) })}
                {r.professions.length ? `: ${r.professions.join(', ')}` : null}
              </li>
            ))}
          </ul>
          <p>
            <a href={cardHref}>{t['progress.recommendations.more']}</a>
          </p>
        </>
      ) : (
        <p>{t['progress.recommendations.none']}</p>
      )}
    </Section>
  );
}
