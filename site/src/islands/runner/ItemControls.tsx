import { useEffect, useRef, useState } from 'react';
import { LIKERT_POINTS, type AnswerValue, type PublicItem } from '@qabilet/domain';
import { format, type Messages } from '../Form';

type Lang = 'kk' | 'ru' | 'en';
type Props = {
  item: PublicItem;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  /** Announces a sentence in the runner's live region. */
  announce: (text: string) => void;
  disabled: boolean;
  t: Messages;
  lang: Lang;
};

const imageSrc = (name: string) => `/assessment/${encodeURIComponent(name)}.svg`;

/** Words for each point of a Likert scale: 3 and 5 points have their own, others numbers with end labels. */
export function likertLabels(t: Messages, points: number): string[] {
  if (points === 3 || points === 5) return Array.from({ length: points }, (_, i) => t[`test.likert.${points}.${i + 1}`] ?? String(i + 1));
  return Array.from({ length: points }, (_, i) => {
    const n = i + 1;
    if (n === 1) return format(t['test.likert.first'], { n });
    if (n === points) return format(t['test.likert.last'], { n });
    return String(n);
  });
}

/** The answer controls of one item: radios, checkboxes, a Likert scale or a list to put in order. */
export default function ItemControls(props: Props) {
  const { item } = props;
  switch (item.type) {
    case 'single':
    case 'timed':
      return <SingleChoice {...props} />;
    case 'multiple':
      return <MultipleChoice {...props} />;
    case 'likert':
      return <Likert {...props} />;
    case 'ranking':
      return <Ranking {...props} />;
  }
}

function OptionLabel({ label, image }: { label: string; image?: string }) {
  return (
    <span className="runner-option-label">
      {/* The option's words are its label; the picture repeats them for those who read pictures. */}
      {image ? <img src={imageSrc(image)} alt="" width={96} height={96} loading="lazy" /> : null}
      <span>{label}</span>
    </span>
  );
}

function SingleChoice({ item, value, onChange, disabled, lang }: Props) {
  const name = `item-${item.key}`;
  return (
    <div className="runner-options">
      {item.options.map((o) => (
        <label key={o.key} className="choice runner-choice">
          <input type="radio" name={name} value={o.key} checked={value === o.key} disabled={disabled} onChange={() => onChange(o.key)} />
          <OptionLabel label={o.label[lang]} image={o.image} />
        </label>
      ))}
    </div>
  );
}

function MultipleChoice({ item, value, onChange, disabled, lang, t, announce }: Props) {
  const chosen = Array.isArray(value) ? value : [];
  const max = item.maxChoices ?? item.options.length;
  const hintId = `hint-${item.key}`;
  const toggle = (key: string, on: boolean) => {
    if (on && chosen.length >= max) {
      announce(format(t['test.multiple.tooMany'], { max }));
      return;
    }
    // Kept in the options' order, whatever order they were ticked in.
    const next = item.options.map((o) => o.key).filter((k) => (k === key ? on : chosen.includes(k)));
    onChange(next.length ? next : null);
  };
  return (
    <div className="runner-options">
      <p className="hint" id={hintId}>
        {format(t[max < item.options.length ? 'test.multiple.max' : 'test.multiple.any'], { max })}
      </p>
      {item.options.map((o) => (
        <label key={o.key} className="choice runner-choice">
          <input
            type="checkbox"
            name={`item-${item.key}`}
            value={o.key}
            checked={chosen.includes(o.key)}
            disabled={disabled}
            aria-describedby={hintId}
            onChange={(e) => toggle(o.key, e.target.checked)}
          />
          <OptionLabel label={o.label[lang]} image={o.image} />
        </label>
      ))}
      <p className="hint" aria-hidden="true">
        {format(t['test.multiple.chosen'], { n: chosen.length, max })}
      </p>
    </div>
  );
}

function Likert({ item, value, onChange, disabled, t }: Props) {
  const points = item.points ?? LIKERT_POINTS.default;
  const labels = likertLabels(t, points);
  return (
    <div className={`runner-options runner-likert runner-likert-${points}`}>
      {labels.map((label, i) => (
        <label key={i} className="choice runner-choice">
          <input type="radio" name={`item-${item.key}`} value={i + 1} checked={value === i + 1} disabled={disabled} onChange={() => onChange(i + 1)} />
          <span>{label}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * All options in the person's order: each moves up or down with its own buttons, the new place is
 * announced and focus stays on the moved option's button (or its other one at the end of the list).
 */
function Ranking({ item, value, onChange, disabled, t, lang, announce }: Props) {
  const keys = item.options.map((o) => o.key);
  const order = Array.isArray(value) && value.length === keys.length ? value : keys;
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const [focusOn, setFocusOn] = useState<string>();
  const label = (key: string) => item.options.find((o) => o.key === key)?.label[lang] ?? key;

  useEffect(() => {
    if (!focusOn) return;
    const [key, direction] = focusOn.split('|');
    const same = buttons.current.get(`${key}|${direction}`);
    const other = buttons.current.get(`${key}|${direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
    setFocusOn(undefined);
  }, [focusOn, order]);

  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [key] = next.splice(index, 1);
    next.splice(index + by, 0, key!);
    onChange(next);
    announce(format(t['test.ranking.moved'], { option: label(key!), position: index + by + 1, total: next.length }));
    setFocusOn(`${key}|${by < 0 ? 'up' : 'down'}`);
  };

  return (
    <div className="runner-options">
      <p className="hint">{t['test.ranking.hint']}</p>
      <ol className="runner-ranking">
        {order.map((key, i) => {
          const option = item.options.find((o) => o.key === key);
          return (
            <li key={key}>
              <span className="runner-rank" aria-hidden="true">
                {i + 1}.
              </span>
              <OptionLabel label={label(key)} image={option?.image} />
              <span className="runner-rank-actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={disabled || i === 0}
                  ref={(el) => {
                    buttons.current.set(`${key}|up`, el);
                  }}
                  aria-label={`${t['test.ranking.upShort']}: ${format(t['test.ranking.which'], { option: label(key), position: i + 1 })}`}
                  onClick={() => move(i, -1)}
                >
                  <span aria-hidden="true">↑ </span>
                  {t['test.ranking.upShort']}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={disabled || i === order.length - 1}
                  ref={(el) => {
                    buttons.current.set(`${key}|down`, el);
                  }}
                  aria-label={`${t['test.ranking.downShort']}: ${format(t['test.ranking.which'], { option: label(key), position: i + 1 })}`}
                  onClick={() => move(i, 1)}
                >
                  <span aria-hidden="true">↓ </span>
                  {t['test.ranking.downShort']}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
