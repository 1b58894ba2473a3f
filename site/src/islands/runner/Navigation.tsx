import type { Ref } from 'react';
import { format, type Messages } from '../Form';

type Props = {
  /** The item shown (0-based) and how many there are. */
  index: number;
  total: number;
  /** Whether the previous item may be gone back to. */
  canBack: boolean;
  running: boolean;
  busy: boolean;
  onGo: (to: number) => void;
  onFinish: () => void;
  t: Messages;
};

/** Back, next and finish; a note when the part before cannot be gone back to. */
export function Navigation({ index, total, canBack, running, busy, onGo, onFinish, t }: Props) {
  const last = index === total - 1;
  return (
    <>
      <div className="runner-nav">
        <button type="button" className="secondary" disabled={!canBack} onClick={() => onGo(index - 1)}>
          <span aria-hidden="true">← </span>
          {t['test.run.back']}
        </button>
        {last ? (
          <button type="button" disabled={busy} onClick={onFinish}>
            {t['test.run.finish']}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => onGo(index + 1)}>
            {t['test.run.next']}
            <span aria-hidden="true"> →</span>
          </button>
        )}
        {!last ? (
          <button type="button" className="secondary" disabled={busy} onClick={onFinish}>
            {t['test.run.finish']}
          </button>
        ) : null}
      </div>
      {index > 0 && !canBack && running ? <p className="hint">{t['test.run.backLocked']}</p> : null}
    </>
  );
}

type ConfirmProps = {
  unanswered: number;
  total: number;
  /** The question's heading, focused when it appears. */
  titleRef: Ref<HTMLHeadingElement>;
  onFinish: () => void;
  onKeepGoing: () => void;
  t: Messages;
};

/** Finishing with items unanswered asks first. */
export function FinishConfirm({ unanswered, total, titleRef, onFinish, onKeepGoing, t }: ConfirmProps) {
  return (
    <div className="runner-confirm" role="group" aria-labelledby="runner-confirm-title">
      <h3 id="runner-confirm-title" tabIndex={-1} ref={titleRef}>
        {t['test.finish.confirmTitle']}
      </h3>
      <p>{format(t['test.finish.unanswered'], { n: unanswered, total })}</p>
      <div className="runner-nav">
        <button type="button" onClick={onFinish}>
          {t['test.finish.anyway']}
        </button>
        <button type="button" className="secondary" onClick={onKeepGoing}>
          {t['test.finish.keepGoing']}
        </button>
      </div>
    </div>
  );
}
