import { forwardRef } from 'react';
import { format, type Messages } from '../Form';
import type { Result, ScaleResult } from '../assessment-api';
import ScaleTable from './ScaleTable';
import { dateOf } from './dates';
import { spoken } from './time';

type Props = { result: Result; t: Messages; resultsHref: string; child: string | null };

/** What a scale's level says about the person, in the test's own words. */
export function meaning(t: Messages, s: Pick<ScaleResult, 'level' | 'high' | 'low'>): string {
  if (s.level === 'high') return s.high;
  if (s.level === 'low') return s.low;
  return t['results.level.mediumText'];
}

/** A change of a score in words and signs, never colour alone: "+12, higher" / "−5, lower". */
export function change(t: Messages, n: number): string {
  if (n > 0) return format(t['results.change.up'], { n });
  if (n < 0) return format(t['results.change.down'], { n: Math.abs(n) });
  return t['results.change.none'];
}

/** One finished attempt: the scales, the time spent and what changed since the previous attempt. */
const ResultView = forwardRef<HTMLHeadingElement, Props>(function ResultView({ result, t, resultsHref, child }, heading) {
  const averageMs = result.answered ? result.itemTimeMs / result.answered : 0;
  const previousLink = result.previous
    ? `${resultsHref}?${new URLSearchParams({ attempt: String(result.previous.attemptId), ...(child ? { child } : {}) })}`
    : '';
  return (
    <section className="result" aria-labelledby="result-title">
      <h2 id="result-title" tabIndex={-1} ref={heading}>
        {format(t['results.one.title'], { test: result.test.title })}
      </h2>
      <p>
        {format(t['results.one.finished'], { date: dateOf(t, result.finishedAt) })}{' '}
        {format(t['results.one.answered'], { n: result.answered, total: result.total })}
      </p>

      <ScaleTable
        t={t}
        caption={t['results.scales.caption']}
        scales={result.scales}
        columns={[
          {
            head: t['results.scales.meaning'],
            cell: (s) => (
              <>
                {meaning(t, s)}
                {s.percentile !== null ? (
                  <>
                    <br />
                    <span className="hint">{format(t['results.scales.percentile'], { percentile: Math.round(s.percentile) })}</span>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <p className="hint">{t['results.scales.hint']}</p>

      <h3>{t['results.time.title']}</h3>
      <p>
        {format(t['results.time.total'], { time: spoken(t, result.durationMs) })}{' '}
        {format(t['results.time.items'], { time: spoken(t, result.itemTimeMs), average: spoken(t, averageMs) })}
      </p>

      {result.comparison && result.previous ? (
        <>
          <h3>{t['results.compare.title']}</h3>
          <table className="result-compare">
            <caption>{format(t['results.compare.caption'], { date: dateOf(t, result.previous.finishedAt) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t['results.scales.scale']}</th>
                <th scope="col">{t['results.compare.before']}</th>
                <th scope="col">{t['results.compare.after']}</th>
                <th scope="col">{t['results.compare.change']}</th>
              </tr>
            </thead>
            <tbody>
              {result.comparison.map((c) => (
                <tr key={c.scale}>
                  <th scope="row">{c.name}</th>
                  <td>{c.before}</td>
                  <td>{c.after}</td>
                  <td>
                    <span aria-hidden="true" className="change-mark">
                      {c.change > 0 ? '▲ ' : c.change < 0 ? '▼ ' : '= '}
                    </span>
                    {change(t, c.change)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={previousLink}>{t['results.compare.previous']}</a>
          </p>
        </>
      ) : null}
    </section>
  );
});

export default ResultView;
