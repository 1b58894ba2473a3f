/**
 * The entry editor's autosave: a change is saved a moment after typing stops, naming the version the
 * editor last saw, so that a save from a stale tab is refused (409) rather than overwriting. What
 * happened is one status line, announced politely to screen readers (`JournalSaveStatus`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Typography } from '@strapi/design-system';
import { problemOf, type Problem } from '@qabilet/plugin-kit/admin';
import { useJournalApi, type JournalEntryView, type JournalText } from '../api-journal';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'stale' } | { kind: 'failed'; problem: Problem };

const DELAY_MS = 1500;

export function useAutosave(entry: JournalEntryView) {
  const api = useJournalApi();
  const t = useT();
  const [state, setState] = useState<SaveState>(entry.savedAt ? { kind: 'saved', at: entry.savedAt } : { kind: 'idle' });
  const version = useRef(entry.version);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const pending = useRef<JournalText>();

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const text = pending.current;
    if (!text) return true;
    pending.current = undefined;
    setState({ kind: 'saving' });
    try {
      const saved = await api.saveDraft(entry.id, version.current, text);
      version.current = saved.version;
      setState({ kind: 'saved', at: saved.savedAt ?? new Date().toISOString() });
      return true;
    } catch (error) {
      const problem = problemOf(error, t('error.generic'));
      setState(problem.status === 409 ? { kind: 'stale' } : { kind: 'failed', problem });
      return false;
    }
  }, [api, entry.id, t]);

  const change = useCallback(
    (text: JournalText) => {
      pending.current = text;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush],
  );

  useEffect(() => () => clearTimeout(timer.current), []);
  return { state, change, flush, version };
}

export function JournalSaveStatus({ state }: { state: SaveState }) {
  const t = useT();
  const { dateTime } = useFormat();
  const text =
    state.kind === 'saving'
      ? t('journal.save.saving')
      : state.kind === 'saved'
        ? t('journal.save.saved', { at: dateTime(state.at) })
        : state.kind === 'stale'
          ? t('journal.save.stale')
          : state.kind === 'failed'
            ? state.problem.message
            : t('journal.save.idle');
  const bad = state.kind === 'stale' || state.kind === 'failed';
  return (
    <Typography role="status" aria-live="polite" textColor={bad ? 'danger600' : 'neutral600'} fontWeight={bad ? 'bold' : undefined}>
      {text}
    </Typography>
  );
}
