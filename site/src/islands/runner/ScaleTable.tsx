import type { ReactNode } from 'react';
import type { Messages } from '../Form';
import Bar from './Bar';

type Scale = { scale: string; name: string; score: number; level: string };
/** A column after the level: its heading and what it shows for each scale. */
export type ScaleColumn<S> = { head: string; cell: (scale: S) => ReactNode };

/** A result's scales: the score in figures with its bar beside it, the level in words, then any columns given. */
export default function ScaleTable<S extends Scale>({
  t,
  caption,
  scales,
  columns = [],
}: {
  t: Messages;
  caption: string;
  scales: S[];
  columns?: ScaleColumn<S>[];
}) {
  return (
    <table className="result-scales">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t['results.scales.scale']}</th>
          <th scope="col">{t['results.scales.score']}</th>
          <th scope="col">{t['results.scales.level']}</th>
          {columns.map((c) => (
            <th key={c.head} scope="col">
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {scales.map((s) => (
          <tr key={s.scale}>
            <th scope="row">{s.name}</th>
            <td>
              <span className="score-cell">
                <span className="score-number">{s.score}</span>
                <Bar value={s.score} />
              </span>
            </td>
            <td>{t[`results.level.${s.level}`]}</td>
            {columns.map((c) => (
              <td key={c.head}>{c.cell(s)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
