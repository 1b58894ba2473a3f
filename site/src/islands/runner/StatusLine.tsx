import { format, type Messages } from '../Form';
import { clock } from './time';
import type { SaveStatus } from './types';

type Props = { status: SaveStatus; testLeft: number | null; login: string; t: Messages; onRetry: () => void };

/** The runner's bar: whether the answers are saved (and a way to try again), and the test's clock. */
export default function StatusLine({ status, testLeft, login, t, onRetry }: Props) {
  return (
    <div className="runner-bar">
      <p role="status" className={`runner-status runner-status-${status}`}>
        <span className="runner-status-mark" aria-hidden="true">
          {status === 'saved' ? '✓' : status === 'sending' ? '…' : '!'}
        </span>{' '}
        {t[`test.save.${status}`]}
        {status === 'loggedOut' ? (
          <>
            {' '}
            <a href={login}>{t['test.login']}</a>
          </>
        ) : null}
      </p>
      {status === 'retrying' || status === 'loggedOut' ? (
        <button type="button" className="secondary" onClick={onRetry}>
          {t['test.save.retry']}
        </button>
      ) : null}
      {testLeft !== null ? (
        <p className="runner-timer" role="timer">
          {format(t['test.time.testClock'], { time: clock(testLeft) })}
        </p>
      ) : null}
    </div>
  );
}
