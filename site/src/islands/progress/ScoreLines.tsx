/**
 * A test's scores over time drawn small, one line per scale (0–100, oldest to newest), each under
 * its name with its first and latest score in words: no colour to tell lines apart, the theme's
 * colours in every display mode. The drawing is decoration: the table beside it has every figure.
 */

/** A scale's score at each time the test was taken (null: not measured that time). */
export type Series = { key: string; name: string; scores: Array<number | null> };

const W = 160,
  H = 48,
  PAD = 4;

function Line({ scores }: { scores: Array<number | null> }) {
  const x = (i: number) => PAD + ((W - 2 * PAD) * i) / Math.max(1, scores.length - 1);
  const y = (score: number) => PAD + (H - 2 * PAD) * (1 - Math.min(100, Math.max(0, score)) / 100);
  const points = scores.flatMap((s, i) => (s === null ? [] : [{ x: x(i), y: y(s) }]));
  return (
    <svg className="score-line" viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" focusable="false">
      <line className="score-line-axis" x1={PAD} x2={W - PAD} y1={y(0)} y2={y(0)} />
      <line className="score-line-axis" x1={PAD} x2={W - PAD} y1={y(100)} y2={y(100)} />
      <polyline className="score-line-path" points={points.map((p) => `${p.x},${p.y}`).join(' ')} />
      {points.map((p, i) => (
        <circle key={i} className="score-line-dot" cx={p.x} cy={p.y} r={3} />
      ))}
    </svg>
  );
}

export default function ScoreLines({ caption, series }: { caption: string; series: Series[] }) {
  return (
    <figure className="score-lines">
      <figcaption>{caption}</figcaption>
      <ul>
        {series.map((s) => {
          const measured = s.scores.filter((x): x is number => x !== null);
          return (
            <li key={s.key}>
              <span>
                {s.name}: {Math.round(measured[0] ?? 0)} → {Math.round(measured[measured.length - 1] ?? 0)}
              </span>
              <Line scores={s.scores} />
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
