/**
 * What the consultation journal sends (types only): to the specialist who writes it, to the
 * coordinator who checks a sample of it, and to the person, who reads the recommendations only.
 */
import type { JournalFields, JournalRecommendation } from './journal.ts';

/** Where an entry stands: nothing written yet, a draft (autosaved), or signed (frozen; amendments make revisions). */
export type JournalState = 'missing' | 'draft' | 'signed';

/** A completed consultation or testing of the staff member's scope, with its entry's state. */
export type JournalListItem = {
  /** The booking's id: the journal's id of the consultation. */
  id: number;
  service: 'consultation' | 'testing';
  heldAt: string;
  centre: string;
  specialist: { id: number; name: string };
  /** The registry's id (for a link to the person's card) and name; null when the person left the registry. */
  person: { id: number | null; name: string };
  state: JournalState;
  /** The specialist of the booking is the staff member: they may write. */
  mine: boolean;
};

export type JournalList = {
  data: JournalListItem[];
  meta: { page: number; pageSize: number; total: number };
};

/** One signed text of an entry: the first signature, then one per amendment. */
export type JournalRevision = {
  revision: number;
  fields: JournalFields;
  notes: string;
  signedBy: { id: number; name: string };
  signedAt: string;
  /** Why it was amended (revisions after the first). */
  reason: string | null;
};

export type JournalEntryView = JournalListItem & {
  /** Optimistic version of the draft: a save naming an older one is refused (409). */
  version: number;
  fields: JournalFields;
  /** The specialist's private notes: never shown to the person. */
  notes: string;
  savedAt: string | null;
  signedBy: { id: number; name: string } | null;
  signedAt: string | null;
  revisions: JournalRevision[];
  /** The tests the person took (for the "tests discussed" choice): slug and attempt id. */
  attempts: Array<{ id: number; test: string; finishedAt: string | null }>;
};

/** A random sample of a period's signed entries of a coordinator's region, and its reviews. */
export type JournalSample = {
  id: number;
  from: string;
  to: string;
  size: number;
  drawnBy: { id: number; name: string };
  drawnAt: string;
  reviewed: number;
};

export type JournalReviewVerdict = 'ok' | 'needs-correction';

export type JournalSampleView = JournalSample & {
  entries: Array<
    JournalListItem & {
      review: { verdict: JournalReviewVerdict; comment: string; by: { id: number; name: string }; at: string } | null;
    }
  >;
};

/** What the person reads of a signed entry: the recommendations and the next step, never the notes. */
export type JournalRecommendationsItem = {
  date: string;
  service: 'consultation' | 'testing';
  specialist: string;
  recommendations: JournalRecommendation[];
  nextStep: string;
};
