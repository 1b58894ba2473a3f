import { useEffect, useRef } from 'react';
import type { Messages } from '../Form';
import type { Problem } from '../assessment-api';

type Props = { problem: Problem; t: Messages; onRetry?: () => void; loginHref?: string; cabinetHref?: string; focus?: boolean };

/**
 * What went wrong with a test and the way out: try again, log in, or give the missing consent in
 * the cabinet (each consent problem explained in its own words). Announced when it appears.
 */
export default function TestProblem({ problem, t, onRetry, loginHref, cabinetHref, focus }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [problem, focus]);
  return (
    <div className="test-problem" role="alert" tabIndex={-1} ref={ref}>
      {problem.kind === 'offline' || problem.kind === 'unreachable' ? (
        <p>
          {t[problem.kind === 'offline' ? 'test.problem.offline' : 'test.problem.unreachable']}{' '}
          {onRetry ? (
            <button type="button" className="secondary" onClick={onRetry}>
              {t['test.retry']}
            </button>
          ) : null}
        </p>
      ) : problem.kind === 'loggedOut' ? (
        <p>
          {t['test.problem.loggedOut']} {loginHref ? <a href={loginHref}>{t['test.login']}</a> : null}
        </p>
      ) : problem.kind === 'consent' ? (
        <p>
          {t[`test.problem.${problem.code}`]} {cabinetHref ? <a href={cabinetHref}>{t['test.problem.consentLink']}</a> : null}
        </p>
      ) : (
        <p>{problem.message || t['test.problem.other']}</p>
      )}
    </div>
  );
}
