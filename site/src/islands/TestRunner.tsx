import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { scaledSeconds, type AnswerValue } from '@qabilet/domain';
import { ApiError } from './api';
import { format, type Messages } from './Form';
import { codeOf, finishAttempt, getAttempt, isTransient, loadAccount, problemOf, renewSession, startAttempt, type Attempt, type Problem, type PublicItem } from './assessment-api';
import {
  claimDevice, forgetAttempt, freshest, isRecordKey, mergeWithServer, ownRecord, readPointer, readRecord, recordFrom, serverNow, updateRecord, withAnswer, writeRecord, type RunnerRecord,
} from './runner-store';
import ItemControls from './runner/ItemControls';
import TestProblem from './runner/TestProblem';
import { createSync, type Connection, type Refusal, type Sync } from './runner/sync';
import { clock, crossed, milestones, spoken } from './runner/time';
import { useAnnouncer } from './runner/useAnnouncer';
import { keepForOffline } from './runner/offline';

type Lang = 'kk' | 'ru' | 'en';
type Props = { locale: string; t: Messages; loginHref: string; testsHref: string; resultsHref: string; cabinetHref: string };
type Phase = 'loading' | 'noTest' | 'loggedOut' | 'problem' | 'running' | 'finishing' | 'elsewhere';
type Status = 'saved' | 'sending' | 'offline' | 'retrying' | 'loggedOut' | 'noStorage';
type Entry = { item: PublicItem; section: RunnerRecord['test']['sections'][number]; si: number };

/** How long answers may wait unsent before the status says "sending" (a quick round trip says nothing). */
const QUIET_MS = 2_500;

/**
 * The test runner (R-TEST-1, R-NFR-5, R-NFR-6): one item at a time, every change kept on this
 * device at once and sent to the server when it can be, so a lost connection, a reload (offline
 * too) or a second tab loses no answer. Time per item is measured while the item is shown.
 */
export default function TestRunner({ locale, t, loginHref, testsHref, resultsHref, cabinetHref }: Props) {
  const lang: Lang = locale === 'ru' || locale === 'en' ? locale : 'kk';
  const [phase, setPhase] = useState<Phase>('loading');
  const [record, setRecord] = useState<RunnerRecord | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [connection, setConnection] = useState<Connection>('ok');
  const [status, setStatus] = useState<Status>('saved');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [kept, setKept] = useState(true);
  const [refused, setRefused] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [login, setLogin] = useState(loginHref);
  const [message, announce] = useAnnouncer();

  const where = useRef<{ slug: string; child: string | null }>({ slug: '', child: null });
  const recordRef = useRef<RunnerRecord | null>(null);
  const currentRef = useRef<string | null>(null);
  const sync = useRef<Sync | null>(null);
  const connected = useRef(false);
  const connecting = useRef(false);
  /** Set when the connection returned while connecting: connect once more afterwards. */
  const reconnect = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const retryDelay = useRef(5_000);
  const finishing = useRef(false);
  /** A finish that failed on the way (server error, lost connection) is tried again with backoff. */
  const finishTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const finishDelay = useRef(5_000);
  const shownAt = useRef<number | null>(null);
  const pendingSince = useRef<number | null>(null);
  const question = useRef<HTMLSpanElement>(null);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const focusQuestion = useRef(false);
  const lastTest = useRef<number | null>(null);
  const lastItem = useRef<{ key: string; left: number } | null>(null);

  const adopt = useCallback((next: RunnerRecord | null) => {
    recordRef.current = next;
    setRecord(next);
  }, []);
  const apply = useCallback((change: (r: RunnerRecord) => RunnerRecord): RunnerRecord => {
    const { record: next, kept: ok } = updateRecord(recordRef.current!, change);
    adopt(next);
    if (!ok) setKept(false);
    return next;
  }, [adopt]);
  const show = useCallback((key: string | null) => {
    currentRef.current = key;
    setCurrent(key);
    shownAt.current = typeof document !== 'undefined' && document.visibilityState === 'visible' ? performance.now() : null;
  }, []);

  const resultLink = (id: number) => {
    const query = new URLSearchParams({ attempt: String(id) });
    if (where.current.child) query.set('child', where.current.child);
    return `${resultsHref}?${query}`;
  };

  /** The attempt is over: its copy leaves this device and the result is shown. */
  const done = useCallback((id: number) => {
    sync.current?.dispose();
    clearTimeout(finishTimer.current);
    forgetAttempt(id); // this attempt only: another test may be running in another tab
    adopt(null);
    setPhase('finishing');
    window.location.assign(resultLink(id));
  }, [adopt]);

  // --- Time spent on the item shown -------------------------------------------------------------
  const liveMs = () => (shownAt.current === null ? 0 : performance.now() - shownAt.current);
  const spentOn = (key: string) => (recordRef.current?.times[key] ?? 0) + (key === currentRef.current ? liveMs() : 0);
  const commitTime = useCallback(() => {
    const key = currentRef.current;
    if (!key || !recordRef.current || shownAt.current === null) return;
    const delta = Math.round(performance.now() - shownAt.current);
    shownAt.current = document.visibilityState === 'visible' ? performance.now() : null;
    if (delta > 0) apply((r) => ({ ...r, times: { ...r.times, [key]: (r.times[key] ?? 0) + delta } }));
  }, [apply]);

  // --- Finishing -------------------------------------------------------------------------------
  const completeFinish = useCallback(async () => {
    const r = recordRef.current;
    if (!r || finishing.current) return;
    if (!connected.current || !sync.current) return; // finished as soon as the server is reached
    finishing.current = true;
    clearTimeout(finishTimer.current);
    setPhase('finishing');
    try {
      if (!(await sync.current.flush())) {
        setPhase('running');
        return;
      }
      const latest = recordRef.current ?? r;
      await finishAttempt(latest.id, latest.outbox, latest.position ? { item: latest.position } : null, locale);
      done(latest.id);
    } catch (error) {
      if (codeOf(error) === 'attempt.finished') return done(r.id);
      setPhase('running');
      const found = problemOf(error);
      if (found.kind === 'loggedOut') setConnection('loggedOut');
      else if (isTransient(error)) {
        setConnection(navigator.onLine ? 'failing' : 'offline');
        finishTimer.current = setTimeout(() => void completeFinishRef.current(), finishDelay.current);
        finishDelay.current = Math.min(finishDelay.current * 2, 60_000);
      } else setProblem(found);
    } finally {
      finishing.current = false;
    }
  }, [done, locale]);
  const completeFinishRef = useRef(completeFinish);
  completeFinishRef.current = completeFinish;

  /** This device's copy, when the server cannot say whose it is: only if it is the last account's here. */
  const showOwn = useCallback(() => {
    if (recordRef.current) return;
    const local = ownRecord(where.current.slug, where.current.child);
    if (!local) return;
    adopt(local);
    show(local.position);
    setPhase('running');
  }, [adopt, show]);

  // --- Talking to the server -------------------------------------------------------------------
  const connect = useCallback(async (): Promise<void> => {
    if (connected.current) return;
    if (connecting.current) {
      reconnect.current = true;
      return;
    }
    connecting.current = true;
    reconnect.current = false;
    clearTimeout(retryTimer.current);
    const { slug, child } = where.current;
    try {
      const session = await renewSession(locale);
      if (session !== 'ok') {
        setConnection(session);
        showOwn();
        if (session === 'offline') {
          retryTimer.current = setTimeout(() => void connectRef.current(), retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, 60_000);
        }
        if (!recordRef.current) {
          if (session === 'loggedOut') setPhase('loggedOut');
          else {
            setProblem({ kind: 'offline' });
            setPhase('problem');
          }
        }
        return;
      }
      // Whose copies may be shown: the logged-in account's only (see runner-store.ts).
      const owner = (await loadAccount(locale)).profile.id;
      claimDevice(owner);
      if (recordRef.current && recordRef.current.owner !== owner) {
        adopt(null);
        show(null);
      }
      let attempt: Attempt;
      const id = readPointer(slug, child);
      const local = recordRef.current ?? (id ? readRecord(id) : null);
      if (local) {
        try {
          attempt = await getAttempt(local.id, locale);
        } catch (error) {
          if (!(error instanceof ApiError) || error.status !== 404) throw error;
          forgetAttempt(local.id); // not this person's (another account on this device) or gone
          adopt(null);
          attempt = await startAttempt(slug, child, locale);
        }
      } else attempt = await startAttempt(slug, child, locale);
      if (attempt.status === 'finished') return done(attempt.id);

      const merged = mergeWithServer(readRecord(attempt.id) ?? recordRef.current, attempt, slug, child, owner);
      if (!writeRecord(merged)) setKept(false);
      adopt(merged);
      if (currentRef.current === null || !merged.test.sections.some((s) => s.items.some((i) => i.key === currentRef.current))) {
        show(merged.position);
      }
      connected.current = true;
      retryDelay.current = 5_000;
      setConnection('ok');
      setProblem(null);
      setPhase('running');
      sync.current?.dispose();
      sync.current = createSync({
        id: attempt.id,
        locale,
        current: () => freshest(recordRef.current!),
        apply,
        onConnection: setConnection,
        onRefused: (count: number, reason: Refusal) => setRefused(format(t[`test.refused.${reason}`], { n: count })),
        onNewerElsewhere: () => announce(t['test.save.newerElsewhere']),
        // After any pass that got everything to the server (the retry timer, "Send now", the connection back).
        onSynced: () => {
          if (recordRef.current?.finishRequested) void completeFinishRef.current();
        },
        onFinished: () => done(attempt.id),
        onStopped: (found) => {
          if (found.kind === 'other' && found.status === 404) forgetAttempt(attempt.id);
          setProblem(found);
        },
      });
      if (merged.finishRequested) void completeFinish();
      else void sync.current.flush();
    } catch (error) {
      const found = problemOf(error);
      if (found.kind === 'offline' || found.kind === 'unreachable') {
        setConnection(found.kind === 'offline' ? 'offline' : 'failing');
        // The server may come back without the browser noticing a change of connection.
        retryTimer.current = setTimeout(() => void connectRef.current(), retryDelay.current);
        retryDelay.current = Math.min(retryDelay.current * 2, 60_000);
      }
      if (found.kind === 'loggedOut') setConnection('loggedOut');
      if (found.kind === 'offline' || found.kind === 'unreachable' || found.kind === 'loggedOut') showOwn();
      // With a copy on this device the test goes on; without one there is nothing to show.
      if (!recordRef.current || found.kind === 'consent' || found.kind === 'other') {
        setProblem(found);
        if (!recordRef.current) setPhase(found.kind === 'loggedOut' ? 'loggedOut' : 'problem');
      }
    } finally {
      connecting.current = false;
      if (reconnect.current && !connected.current) void connectRef.current();
    }
  }, [adopt, announce, apply, completeFinish, done, locale, show, showOwn, t]);
  const connectRef = useRef(connect);
  connectRef.current = connect;

  // --- Start: the server says whose copies may be shown; offline, this device's memory does ----
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const slug = params.get('test') ?? '';
    const child = params.get('child') || null;
    where.current = { slug, child };
    setLogin(`${loginHref}?${new URLSearchParams({ next: `${window.location.pathname}${window.location.search}` })}`);
    if (!/^[a-z0-9-]+$/.test(slug)) {
      setPhase('noTest');
      return;
    }
    // Online, the server first says whose copies may be shown (connect); offline, the device's memory does.
    if (!navigator.onLine) {
      setConnection('offline');
      showOwn();
    }
    void connect();
    void keepForOffline().then(setOfflineReady);

    const online = () => {
      setConnection((c) => (c === 'offline' ? 'ok' : c));
      if (!connected.current) void connect();
      else void sync.current?.retryNow(); // a requested finish follows (onSynced)
    };
    const offline = () => setConnection('offline');
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      sync.current?.dispose();
      clearTimeout(retryTimer.current);
      clearTimeout(finishTimer.current);
    };
  }, []); // once: the page runs one test; the callbacks read the latest state through refs

  // Another tab of the same attempt: its answers show here at once; the position stays this tab's.
  useEffect(() => {
    const changed = (event: StorageEvent) => {
      const mine = recordRef.current;
      if (!mine || (event.key !== null && !isRecordKey(event.key, mine.id))) return;
      const next = event.key === null ? null : recordFrom(event.newValue);
      if (!next) {
        // Finished or logged out in another tab: the copy is gone from this device.
        sync.current?.dispose();
        adopt(null);
        setPhase('elsewhere');
        return;
      }
      adopt(next);
    };
    window.addEventListener('storage', changed);
    return () => window.removeEventListener('storage', changed);
  }, [adopt]);

  // Time counts only while the page is seen; it is stored when the page is hidden or closed.
  useEffect(() => {
    const visibility = () => {
      if (document.visibilityState === 'hidden') commitTime();
      else if (shownAt.current === null) shownAt.current = performance.now();
    };
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', commitTime);
    return () => {
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', commitTime);
    };
  }, [commitTime]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!focusQuestion.current) return;
    focusQuestion.current = false;
    question.current?.focus();
  }, [current]);
  useEffect(() => {
    if (confirming) confirmTitle.current?.focus();
  }, [confirming]);

  // The status line: offline and trouble at once, "sending" only when it takes a while.
  const outboxSize = record?.outbox.length ?? 0;
  useEffect(() => {
    if (!kept) return setStatus('noStorage');
    if (connection === 'offline') return setStatus('offline');
    if (connection === 'loggedOut') return setStatus('loggedOut');
    if (connection === 'failing') return setStatus('retrying');
    if (!outboxSize) {
      pendingSince.current = null;
      return setStatus('saved');
    }
    pendingSince.current ??= Date.now();
    if (Date.now() - pendingSince.current >= QUIET_MS) setStatus('sending');
  }, [kept, connection, outboxSize, now]);

  const entries = useMemo<Entry[]>(
    () => (record ? record.test.sections.flatMap((section, si) => section.items.map((item) => ({ item, section, si }))) : []),
    // The test of an attempt never changes; a new copy from another tab is the same test.
    [record?.id],
  );
  const index = Math.max(0, entries.findIndex((e) => e.item.key === current));
  const entry = entries[index];

  const testLeft = record?.deadline ? Date.parse(record.deadline) - (now + record.skewMs) : null;
  const testMarks = useMemo(() => (record?.deadline ? milestones(Date.parse(record.deadline) - Date.parse(record.startedAt)) : []), [record?.deadline, record?.startedAt]);
  const itemLimit = entry?.item.type === 'timed' && entry.item.timeLimitSeconds ? scaledSeconds(entry.item.timeLimitSeconds, record?.extraTimePercent ?? 0) * 1000 : null;
  const itemLeft = itemLimit !== null && entry ? itemLimit - spentOn(entry.item.key) : null;
  const testUp = testLeft !== null && testLeft <= 0;
  const itemUp = itemLeft !== null && itemLeft <= 0;

  // Time announcements: at half time, a minute and ten seconds before the end, and at the end.
  useEffect(() => {
    if (phase !== 'running' || testLeft === null) return;
    const before = lastTest.current;
    lastTest.current = testLeft;
    if (testLeft <= 0) {
      if (before === null || before > 0) {
        announce(t['test.time.testUp']);
        leave(true); // a choice made in time on the item shown still counts
        apply((r) => ({ ...r, finishRequested: true }));
        void completeFinish();
      }
      return;
    }
    const mark = before === null ? undefined : crossed(testMarks, before, testLeft);
    if (mark) announce(format(t['test.time.testLeft'], { time: spoken(t, mark) }));
  }, [now, phase]); // each tick of the clock
  useEffect(() => {
    if (phase !== 'running' || itemLeft === null || itemLimit === null || !entry) return;
    const before = lastItem.current?.key === entry.item.key ? lastItem.current.left : null;
    lastItem.current = { key: entry.item.key, left: itemLeft };
    if (before === null) return;
    if (before > 0 && itemLeft <= 0) announce(t['test.time.itemUp']);
    else {
      const mark = crossed(milestones(itemLimit), before, itemLeft);
      if (mark) announce(format(t['test.time.itemLeft'], { time: spoken(t, mark) }));
    }
  }, [now, phase, current]); // each tick, and a new item starts its own count

  // --- Answering and moving ---------------------------------------------------------------------
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
    else if (untouchedOrder && !itemUp && !testUp) apply((x) => withAnswer(x, key, entry.item.options.map((o) => o.key), timeMs));
  };

  const go = (to: number) => {
    const target = entries[to];
    if (!target) return;
    leave(to > index);
    apply((r) => ({ ...r, position: target.item.key, positionSent: false }));
    focusQuestion.current = true;
    setConfirming(false);
    show(target.item.key);
    void sync.current?.flush();
  };

  const unanswered = record ? entries.filter((e) => !record.answers[e.item.key] && !record.drafts[e.item.key]).length : 0;
  const finish = (confirmed: boolean) => {
    if (!record) return;
    if (unanswered > 0 && !confirmed) {
      setConfirming(true);
      return;
    }
    leave(true);
    setConfirming(false);
    apply((r) => ({ ...r, finishRequested: true }));
    if (!connected.current) {
      announce(t['test.finish.waiting']);
      void connect();
    } else void completeFinish();
  };

  // --- Rendering -------------------------------------------------------------------------------
  if (phase === 'loading') return <p role="status">{t['test.run.loading']}</p>;
  if (phase === 'noTest') return <p className="notice">{t['test.run.noTest']} <a href={testsHref}>{t['test.list.link']}</a></p>;
  if (phase === 'loggedOut') return <p className="notice">{t['test.loggedOut']} <a href={login}>{t['test.login']}</a></p>;
  if (phase === 'elsewhere') {
    return (
      <div className="notice" role="status">
        <p>{t['test.run.elsewhere']}</p>
        <p><a href={resultsHref}>{t['results.link']}</a> · <a href={testsHref}>{t['test.list.link']}</a></p>
      </div>
    );
  }
  if (!record || !entry) {
    if (problem) return <TestProblem problem={problem} t={t} loginHref={login} cabinetHref={cabinetHref} onRetry={() => void connect()} />;
    return <p role="status">{t[phase === 'finishing' ? 'test.finish.busy' : 'test.run.loading']}</p>;
  }

  const { item, section, si } = entry;
  const total = entries.length;
  const answered = total - unanswered;
  const value = record.drafts[item.key] ? record.drafts[item.key]!.value : record.answers[item.key]?.value;
  const previous = entries[index - 1];
  const canBack = !!previous && previous.section.allowBack && phase === 'running';
  const last = index === total - 1;
  const busy = phase === 'finishing';
  // In a part without going back, a sent answer is final.
  const final = !section.allowBack && !!record.answers[item.key];
  const statusText = t[`test.save.${status}`];

  return (
    <div className="runner" data-attempt={record.id}>
      <div className="runner-bar">
        <p role="status" className={`runner-status runner-status-${status}`}>
          <span className="runner-status-mark" aria-hidden="true">{status === 'saved' ? '✓' : status === 'sending' ? '…' : '!'}</span>{' '}
          {statusText}
          {status === 'loggedOut' ? <> <a href={login}>{t['test.login']}</a></> : null}
        </p>
        {status === 'retrying' || status === 'loggedOut' ? <button type="button" className="secondary" onClick={() => void (connected.current ? sync.current?.retryNow() : connect())}>{t['test.save.retry']}</button> : null}
        {testLeft !== null ? (
          <p className="runner-timer" role="timer">{format(t['test.time.testClock'], { time: clock(testLeft) })}</p>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">{message}</p>
      {refused ? <div className="test-problem" role="alert"><p>{refused}</p></div> : null}
      {problem ? <TestProblem problem={problem} t={t} loginHref={login} cabinetHref={cabinetHref} /> : null}
      {record.finishRequested && phase === 'running' ? <p className="notice">{t['test.finish.waiting']}</p> : null}
      {busy ? <p className="notice" role="status">{t['test.finish.busy']}</p> : null}
      {testUp ? <p className="notice">{t['test.time.testUp']}</p> : null}

      <h2 className="runner-title">{record.test.title[lang]}</h2>
      <div className="runner-progress">
        <label htmlFor="runner-progress">{format(t['test.run.progress'], { n: index + 1, total })}</label>
        <progress id="runner-progress" max={total} value={index + 1} />
        <p className="hint">{format(t['test.run.answered'], { n: answered, total })}</p>
      </div>

      <section className="runner-section" aria-labelledby="runner-section-title">
        <h3 id="runner-section-title">{format(t['test.run.section'], { n: si + 1, total: record.test.sections.length, title: section.title[lang] })}</h3>
        {section.intro?.[lang] ? <p className="runner-intro">{section.intro[lang]}</p> : null}
        {!section.allowBack ? <p className="hint">{t['test.run.noBack']}</p> : null}
        <fieldset className="runner-item" key={item.key}>
          <legend>
            <span className="runner-question" tabIndex={-1} ref={question}>{item.text[lang]}</span>
          </legend>
          {item.image ? <img className="runner-image" src={`/assessment/${encodeURIComponent(item.image)}.svg`} alt="" /> : null}
          {itemLeft !== null ? <p className="runner-timer" role="timer">{format(t['test.time.itemClock'], { time: clock(itemLeft) })}</p> : null}
          {itemUp ? <p className="notice">{t['test.time.itemUp']}</p> : null}
          {final ? <p className="hint">{t['test.run.final']}</p> : null}
          <ItemControls item={item} value={value} onChange={answer} announce={announce} disabled={busy || testUp || itemUp || final} t={t} lang={lang} />
        </fieldset>
      </section>

      <div className="runner-nav">
        <button type="button" className="secondary" disabled={!canBack} onClick={() => go(index - 1)}>
          <span aria-hidden="true">← </span>{t['test.run.back']}
        </button>
        {last ? (
          <button type="button" disabled={busy} onClick={() => finish(false)}>{t['test.run.finish']}</button>
        ) : (
          <button type="button" disabled={busy} onClick={() => go(index + 1)}>{t['test.run.next']}<span aria-hidden="true"> →</span></button>
        )}
        {!last ? <button type="button" className="secondary" disabled={busy} onClick={() => finish(false)}>{t['test.run.finish']}</button> : null}
      </div>
      {index > 0 && !canBack && phase === 'running' ? <p className="hint">{t['test.run.backLocked']}</p> : null}

      {confirming ? (
        <div className="runner-confirm" role="group" aria-labelledby="runner-confirm-title">
          <h3 id="runner-confirm-title" tabIndex={-1} ref={confirmTitle}>{t['test.finish.confirmTitle']}</h3>
          <p>{format(t['test.finish.unanswered'], { n: unanswered, total })}</p>
          <div className="runner-nav">
            <button type="button" onClick={() => finish(true)}>{t['test.finish.anyway']}</button>
            <button type="button" className="secondary" onClick={() => { setConfirming(false); question.current?.focus(); }}>{t['test.finish.keepGoing']}</button>
          </div>
        </div>
      ) : null}
      {offlineReady ? <p className="hint runner-offline-ready">{t['test.run.offlineReady']}</p> : null}
    </div>
  );
}
