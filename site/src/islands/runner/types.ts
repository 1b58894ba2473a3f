/** The runner's shared words: its language, where the page is in its life, the status line, an item in its section. */
import type { PublicItem } from '../assessment-api';
import type { RunnerRecord } from '../runner-store';

export type Lang = 'kk' | 'ru' | 'en';
export type Phase = 'loading' | 'noTest' | 'loggedOut' | 'problem' | 'running' | 'finishing' | 'elsewhere';
/** What the status line says about the answers: kept here, on their way, or why not. */
export type SaveStatus = 'saved' | 'sending' | 'offline' | 'retrying' | 'loggedOut' | 'noStorage';
export type Entry = { item: PublicItem; section: RunnerRecord['test']['sections'][number]; si: number };
