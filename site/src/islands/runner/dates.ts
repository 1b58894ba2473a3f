import { kzDate } from '@qabilet/domain';
import type { Messages } from '../Form';
import { plainDate } from '../booking-dates';

/** "12 May 2026" for an instant, on Kazakhstan's calendar, in the page's language. */
export const dateOf = (t: Messages, instant: string) => plainDate(t, kzDate(new Date(instant)));
