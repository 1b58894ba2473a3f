import { useCallback, useMemo, useState } from 'react';
import type { AnswerValue } from '@qabilet/domain';
import type { Messages } from './Form';
import type { Problem } from './assessment-api';
import { serverNow, withAnswer } from './runner-store';
import RunnerView from './runner/RunnerView';
import { useAnnouncer } from './runner/useAnnouncer';
import { useAttemptStart } from './runner/useAttemptStart';
import { useConnection } from './runner/useConnection';
import { useFinish } from './runner/useFinish';
import { useItemClock } from './runner/useItemClock';
import { useOtherTabs, useRecord } from './runner/useRecord';
import { useSaveStatus } from './runner/useSaveStatus';
import { useTimeAnnouncements, useTimeLimits } from './runner/useTimeLimits';
import type { Entry, Lang, Phase } from './runner/types';

type Props = { locale: string; t: Messages; loginHref: string; testsHref: string; resultsHref: string; cabinetHref: string };

/**
 * The test runner (R-TEST-1, R-NFR-5, R-NFR-6): one item at a time, every change kept on this
 * device at once and sent to the server when it can be, so a lost connection, a reload (offline
 * too) or a second tab loses no answer. Time per item is measured while the item is shown.
 *
 * The pieces: the device's copy (useRecord), the time on items (useItemClock) and the deadlines
 * (useTimeLimits), which attempt runs (useAttemptStart), the server (useConnection), finishing
 * (useFinish), the status line (useSaveStatus) and what is shown (runner/RunnerView). Answering
 * and moving between items, which use them all, are here.
 */
export default function TestRunner({ locale, t, loginHref, testsHref, resultsHref, cabinetHref }: Props) {
  const lang: Lang = locale === 'ru' || locale === 'en' ? locale : 'kk';
  const [phase, setPhase] = useState<Phase>('loading');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [message, announce] = useAnnouncer();

  const store = useRecord();
  const { record, recordRef, apply } = store;
  const clock = useItemClock(recordRef, apply);
  const { current, spentOn, commitTime, show } = clock;
  const start = useAttemptStart({ locale, loginHref, resultsHref, store, clock, setPhase });
  // The connection hands over a closed attempt and a finish that is due; finishing sends through the
  // connection. `finish` is read only when those happen, after this render.
  const link = useConnection({
    locale,
    t,
    store,
    start,
    announce,
    setPhase,
    setProblem,
    onOver: (id) => finish.done(id),
    onFinishDue: () => void finish.complete(),
  });
  const finish = useFinish({ locale, link, store, setPhase, setProblem, resultLink: start.resultLink });
  const { sync } = link;
  const finishedElsewhere = useCallback(() => {
    sync.current?.dispose();
    setPhase('elsewhere');
  }, [sync]);
  useOtherTabs(recordRef, store.adopt, finishedElsewhere);

  const entries = useMemo<Entry[]>(
    () => (record ? record.test.sections.flatMap((section, si) => section.items.map((item) => ({ item, section, si }))) : []),
    // The test of an attempt never changes; a new copy from another tab is the same test.
    [record?.id],
  );
  const index = Math.max(
    0,
    entries.findIndex((e) => e.item.key === current),
  );
  const entry = entries[index];
  const limits = useTimeLimits(record, entry?.item, clock.now, spentOn);
  const { testUp, itemUp } = limits;
  const status = useSaveStatus(store.kept, link.connection, record?.outbox.length ?? 0, clock.now);

  const answer = (value: AnswerValue) => {
    if (!entry || !recordRef.current || testUp || itemUp) return;
    const key = entry.item.key;
    if (!entry.section.allowBack && recordRef.current.answers[key]) return;
    if (!entry.section.allowBack) {
      // Without going back an answer is final once sent: it is sent on leaving the item.
      apply((r) => ({ ...r, drafts: { ...r.drafts, [key]: { value, timeMs: Math.round(spentOn(key)), answeredAt: serverNow(r) } } }));
      return;
    }
    apply((r) => withAnswer(r, key, value, Math.round(spentOn(key))));
    void sync.current?.flush();
  };

  /** Leaving the item: its time is stored; a pending choice (or an untouched order) becomes its answer. */
  const leave = (forward: boolean) => {
    if (!entry || !recordRef.current) return;
    const key = entry.item.key;
    const timeMs = Math.round(spentOn(key));
    commitTime();
    const r = recordRef.current;
    const draft = r.drafts[key];
    const untouchedOrder = forward && entry.item.type === 'ranking' && !r.answers[key] && !draft;
    // A choice made in time counts even if "Next" comes after the time is up.
    if (draft) apply((x) => withAnswer(x, key, draft.value, draft.timeMs, draft.answeredAt));
    else if (untouchedOrder && !itemUp && !testUp)
      apply((x) =>
        withAnswer(
          x,
          key,
          entry.item.options.map((o) => o.key),
          timeMs,
        ),
      );
  };

  const move = (to: number): boolean => {
    const target = entries[to];
    if (!target) return false;
    leave(to > index);
    apply((r) => ({ ...r, position: target.item.key, positionSent: false }));
    show(target.item.key);
    void sync.current?.flush();
    return true;
  };

  /** Finishing, asked and confirmed: at once when connected, otherwise as soon as the server is reached. */
  const finishNow = () => {
    leave(true);
    apply((r) => ({ ...r, finishRequested: true }));
    if (!link.connected.current) {
      announce(t['test.finish.waiting']);
      void link.connect();
    } else void finish.complete();
  };

  useTimeAnnouncements({
    limits,
    running: phase === 'running',
    now: clock.now,
    current,
    item: entry?.item,
    t,
    announce,
    onTestUp: () => {
      leave(true); // a choice made in time on the item shown still counts
      apply((r) => ({ ...r, finishRequested: true }));
      void finish.complete();
    },
  });

  return (
    <RunnerView
      phase={phase}
      problem={problem}
      record={record}
      entries={entries}
      index={index}
      current={current}
      status={status}
      limits={limits}
      message={message}
      refused={link.refused}
      offlineReady={link.offlineReady}
      t={t}
      lang={lang}
      announce={announce}
      links={{ login: start.login, testsHref, resultsHref, cabinetHref }}
      onAnswer={answer}
      onMove={move}
      onFinish={finishNow}
      onRetry={link.retry}
      onReconnect={() => void link.connect()}
    />
  );
}
