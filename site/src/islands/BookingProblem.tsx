import { useEffect, useRef } from 'react';
import type { Messages } from './Form';
import type { Problem } from './booking-api';

type Props = { problem: Problem; t: Messages; onRetry?: () => void; loginHref?: string; cabinetHref?: string; focus?: boolean };

/**
 * What went wrong and the way out: try again when the network failed, log in, give consent in the
 * cabinet. Announced when it appears; focused too after the visitor's own action (`focus`), so a
 * keyboard user goes on from it, but never when a background load fails.
 */
export default function BookingProblem({ problem, t, onRetry, loginHref, cabinetHref, focus }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [problem, focus]);
  return (
    <div className="booking-problem" role="alert" tabIndex={-1} ref={ref}>
      {problem.kind === 'offline' || problem.kind === 'unreachable' ? (
        <p>
          {t[problem.kind === 'offline' ? 'booking.offline' : 'booking.unreachable']}{' '}
          {onRetry ? (
            <button type="button" onClick={onRetry}>
              {t['booking.retry']}
            </button>
          ) : null}
        </p>
      ) : problem.kind === 'loggedOut' ? (
        <p>
          {t['booking.loggedOut.confirm']} {loginHref ? <a href={loginHref}>{t['booking.login']}</a> : null}
        </p>
      ) : problem.kind === 'consent' ? (
        <p>
          {problem.message} {t['booking.consent']} {cabinetHref ? <a href={cabinetHref}>{t['booking.consent.link']}</a> : null}
        </p>
      ) : problem.kind === 'taken' ? (
        <p>{t[problem.nearest.length ? 'booking.taken' : 'booking.taken.none']}</p>
      ) : (
        <p>{problem.message}</p>
      )}
    </div>
  );
}
