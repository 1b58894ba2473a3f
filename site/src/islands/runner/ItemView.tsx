import type { Ref } from 'react';
import type { AnswerValue } from '@qabilet/domain';
import { format, type Messages } from '../Form';
import type { RunnerRecord } from '../runner-store';
import ItemControls from './ItemControls';
import { clock } from './time';
import type { Entry, Lang } from './types';
import type { TimeLimits } from './useTimeLimits';

type Props = {
  entry: Entry;
  record: RunnerRecord;
  /** The item's own clock (a timed task), and whether its time or the test's is up. */
  limits: Pick<TimeLimits, 'itemLeft' | 'itemUp' | 'testUp'>;
  busy: boolean;
  /** The question, focused when the item changes. */
  questionRef: Ref<HTMLSpanElement>;
  onAnswer: (value: AnswerValue) => void;
  announce: (text: string) => void;
  t: Messages;
  lang: Lang;
};

/** The item shown, in its section: the question, its picture, its clock and its answer controls. */
export default function ItemView({ entry, record, limits, busy, questionRef, onAnswer, announce, t, lang }: Props) {
  const { itemLeft, itemUp, testUp } = limits;
  const { item, section, si } = entry;
  const value = record.drafts[item.key] ? record.drafts[item.key]!.value : record.answers[item.key]?.value;
  // In a part without going back, a sent answer is final.
  const final = !section.allowBack && !!record.answers[item.key];
  return (
    <section className="runner-section" aria-labelledby="runner-section-title">
      <h3 id="runner-section-title">{format(t['test.run.section'], { n: si + 1, total: record.test.sections.length, title: section.title[lang] })}</h3>
      {section.intro?.[lang] ? <p className="runner-intro">{section.intro[lang]}</p> : null}
      {!section.allowBack ? <p className="hint">{t['test.run.noBack']}</p> : null}
      <fieldset className="runner-item" key={item.key}>
        <legend>
          <span className="runner-question" tabIndex={-1} ref={questionRef}>
            {item.text[lang]}
          </span>
        </legend>
        {item.image ? <img className="runner-image" src={`/assessment/${encodeURIComponent(item.image)}.svg`} alt="" /> : null}
        {itemLeft !== null ? (
          <p className="runner-timer" role="timer">
            {format(t['test.time.itemClock'], { time: clock(itemLeft) })}
          </p>
        ) : null}
        {itemUp ? <p className="notice">{t['test.time.itemUp']}</p> : null}
        {final ? <p className="hint">{t['test.run.final']}</p> : null}
        <ItemControls item={item} value={value} onChange={onAnswer} announce={announce} disabled={busy || testUp || itemUp || final} t={t} lang={lang} />
      </fieldset>
    </section>
  );
}
