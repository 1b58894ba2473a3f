import { useEffect, useRef, useState } from 'react';
import type { AnswerValue } from '@qabilet/domain';
import { format, type Messages } from '../Form';
import type { Problem } from '../assessment-api';
import type { RunnerRecord } from '../runner-store';
import ItemView from './ItemView';
import { FinishConfirm, Navigation } from './Navigation';
import StatusLine from './StatusLine';
import TestProblem from './TestProblem';
import type { TimeLimits } from './useTimeLimits';
import type { Entry, Lang, Phase, SaveStatus } from './types';

type Props = {
  phase: Phase;
  problem: Problem | null;
  record: RunnerRecord | null;
  entries: Entry[];
  /** The item shown: its place in `entries`, and its key as chosen (focus follows a change of it). */
  index: number;
  current: string | null;
  status: SaveStatus;
  limits: TimeLimits;
  /** The live region's text. */
  message: string;
  /** Answers the server refused for good, said once. */
  refused: string;
  offlineReady: boolean;
  /** Where the notices lead: logging in (with the way back), the tests, the results and the cabinet. */
  links: { login: string; testsHref: string; resultsHref: string; cabinetHref: string };
  t: Messages;
  lang: Lang;
  announce: (text: string) => void;
  onAnswer: (value: AnswerValue) => void;
  /** Moves to another item; false when there is none there. */
  onMove: (to: number) => boolean;
  /** Finishes (asked and confirmed). */
  onFinish: () => void;
  /** "Try again" on the status line. */
  onRetry: () => void;
  /** "Try again" when nothing could be loaded. */
  onReconnect: () => void;
};

/**
 * What the runner shows: a notice while there is no test to show, otherwise the status line, the
 * item in its section, the navigation and the question before finishing with items unanswered.
 * Focus moves to the new question after moving, and to that question when it is asked.
 */
export default function RunnerView(props: Props) {
  const { phase, problem, record, entries, index, status, limits, t, lang } = props;
  const { login, testsHref, resultsHref, cabinetHref } = props.links;
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLSpanElement>(null);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const focusQuestion = useRef(false);

  useEffect(() => {
    if (!focusQuestion.current) return;
    focusQuestion.current = false;
    question.current?.focus();
  }, [props.current]);
  useEffect(() => {
    if (confirming) confirmTitle.current?.focus();
  }, [confirming]);

  const go = (to: number) => {
    if (!props.onMove(to)) return;
    focusQuestion.current = true;
    setConfirming(false);
  };

  const unanswered = record ? entries.filter((e) => !record.answers[e.item.key] && !record.drafts[e.item.key]).length : 0;
  const finish = (confirmed: boolean) => {
    if (!record) return;
    if (unanswered > 0 && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    props.onFinish();
  };

  if (phase === 'loading') return <p role="status">{t['test.run.loading']}</p>;
  if (phase === 'noTest')
    return (
      <p className="notice">
        {t['test.run.noTest']} <a href={testsHref}>{t['test.list.link']}</a>
      </p>
    );
  if (phase === 'loggedOut')
    return (
      <p className="notice">
        {t['test.loggedOut']} <a href={login}>{t['test.login']}</a>
      </p>
    );
  if (phase === 'elsewhere') {
    return (
      <div className="notice" role="status">
        <p>{t['test.run.elsewhere']}</p>
        <p>
          <a href={resultsHref}>{t['results.link']}</a> · <a href={testsHref}>{t['test.list.link']}</a>
        </p>
      </div>
    );
  }
  const entry = entries[index];
  if (!record || !entry) {
    if (problem) return <TestProblem problem={problem} t={t} loginHref={login} cabinetHref={cabinetHref} onRetry={props.onReconnect} />;
    return <p role="status">{t[phase === 'finishing' ? 'test.finish.busy' : 'test.run.loading']}</p>;
  }

  const total = entries.length;
  const previous = entries[index - 1];
  const running = phase === 'running';
  const canBack = !!previous && previous.section.allowBack && running;
  const busy = phase === 'finishing';

  return (
    <div className="runner" data-attempt={record.id}>
      <StatusLine status={status} testLeft={limits.testLeft} login={login} t={t} onRetry={props.onRetry} />
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {props.message}
      </p>
      {props.refused ? (
        <div className="test-problem" role="alert">
          <p>{props.refused}</p>
        </div>
      ) : null}
      {problem ? <TestProblem problem={problem} t={t} loginHref={login} cabinetHref={cabinetHref} /> : null}
      {record.finishRequested && running ? <p className="notice">{t['test.finish.waiting']}</p> : null}
      {busy ? (
        <p className="notice" role="status">
          {t['test.finish.busy']}
        </p>
      ) : null}
      {limits.testUp ? <p className="notice">{t['test.time.testUp']}</p> : null}

      <h2 className="runner-title">{record.test.title[lang]}</h2>
      <div className="runner-progress">
        <label htmlFor="runner-progress">{format(t['test.run.progress'], { n: index + 1, total })}</label>
        <progress id="runner-progress" max={total} value={index + 1} />
        <p className="hint">{format(t['test.run.answered'], { n: total - unanswered, total })}</p>
      </div>

      <ItemView
        entry={entry}
        record={record}
        limits={limits}
        busy={busy}
        questionRef={question}
        onAnswer={props.onAnswer}
        announce={props.announce}
        t={t}
        lang={lang}
      />

      <Navigation index={index} total={total} canBack={canBack} running={running} busy={busy} onGo={go} onFinish={() => finish(false)} t={t} />

      {confirming ? (
        <FinishConfirm
          unanswered={unanswered}
          total={total}
          titleRef={confirmTitle}
          t={t}
          onFinish={() => finish(true)}
          onKeepGoing={() => {
            setConfirming(false);
            question.current?.focus();
          }}
        />
      ) : null}
      {props.offlineReady ? <p className="hint runner-offline-ready">{t['test.run.offlineReady']}</p> : null}
    </div>
  );
}
