/**
 * A horizontal bar of 0–100, drawn in the page's colours (so the high-contrast themes apply). It is
 * decoration: the number is always written beside it, so nothing depends on seeing the bar.
 */
export default function Bar({ value, kind = 'fill' }: { value: number; kind?: 'fill' | 'other' }) {
  const width = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <svg className={`score-bar score-bar-${kind}`} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="score-bar-track" x="0" y="0" width="100" height="10" />
      <rect className="score-bar-value" x="0" y="0" width={width} height="10" />
    </svg>
  );
}
