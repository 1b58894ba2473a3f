/**
 * The person's card (issue 18, R-OUT) as the talent plugin sends it (types only): to staff within
 * their scope (`GET /talent/people/:id`), and to the person themselves or their parent in the
 * cabinet (`GET /api/talent/cards/mine`). The card is assembled from sections that the plugin's
 * parts register; each section is named, and a section a reader may not see is left out.
 * Instants are ISO strings (UTC); names of tests and scales are in the reader's language.
 */
import type { ConsentState, PersonService } from './people-registry.ts';
import type { PersonListItem } from './people-view.ts';
import type { PersonKind, RequestStatus } from './registry.ts';
import type { ResultsOverTime } from './results-over-time.ts';
import type { JournalRecommendationsItem } from './journal-view.ts';
import type { CardTalent } from './talent-view.ts';

/** Who reads the card: staff (everything within their scope) or the person (no staff-only notes, no staff history). */
export type CardAudience = 'staff' | 'self';

/** Personal data: every field of the registry (as its list has them, the name in its parts) and the consent's state. */
export type CardPersonal = Omit<PersonListItem, 'id' | 'name' | 'consent' | 'services' | 'talent' | 'openRequests'> & {
  surname: string;
  firstName: string;
  patronymic: string | null;
  consent: ConsentState;
};

export type CardRequest = {
  number: string;
  createdAt: string;
  status: RequestStatus;
  service: string;
  format: string;
  centre: { slug: string; name: string } | null;
  /** The staff's written outcome: staff only (left out of the person's own card). */
  outcome?: string | null;
};

export type CardBooking = { start: string; status: string; service: string; format: string; centre: { slug: string; name: string } };
export type CardAttempt = { id: number; test: string; title: string; status: string; startedAt: string; finishedAt: string | null };
export type CardOutsideResult = { source: string; test: string; title: string; at: string };
export type CardWaitlistEntry = { from: string; to: string; status: string; service: string; format: string; centre: { slug: string; name: string } };

/** The options the person activated: each service used, with its list. */
export type CardServices = {
  used: PersonService[];
  requests: CardRequest[];
  bookings: CardBooking[];
  attempts: CardAttempt[];
  partnerResults: CardOutsideResult[];
  desktopResults: CardOutsideResult[];
  waitlist: CardWaitlistEntry[];
  /** Video sessions are not a service yet. */
  videoSessions: null;
};

/** Ratings of consultations: none are collected yet (the feedback issue adds them). */
export type CardRatings = { collected: false; ratings: [] };

export type CardRecommendation = { id: number; text: string; author: string; createdAt: string; professions: Array<{ slug: string; name: string }> };

/** A line of the person's history: what happened, when, and by whom as a role — never a name, never another person's data. */
export type CardHistoryEntry = {
  at: string;
  action: string;
  /** `user`: the person (or their parent); `staff`: a staff member (with their role's code); `system`, `call`. */
  by: { kind: 'user' | 'staff' | 'system' | 'call'; role: string | null };
  /** The request's number, when the line is from a request's history. */
  request: string | null;
};

/** The operator's card: the name, the phone and the open requests, nothing else. */
export type CardLimited = { name: string; phone: string | null; openRequests: CardRequest[] };

/** The sections this part of the plugin fills; the other parts add theirs (by name) beside them. */
export type CardSections = {
  personal?: CardPersonal;
  limited?: CardLimited;
  services?: CardServices;
  ratings?: CardRatings;
  results?: ResultsOverTime;
  recommendations?: CardRecommendation[];
  history?: CardHistoryEntry[];
  /** The consultation journal's signed recommendations and next steps (never the specialist's notes). */
  journal?: JournalRecommendationsItem[];
  /** The person's talent entries, each with its reason. */
  talents?: CardTalent[];
  [other: string]: unknown;
};

export type UserCardView = {
  /** The registry's id of the person. */
  id: number;
  name: string;
  kind: PersonKind;
  audience: CardAudience;
  /** The operator's card (only `limited`). */
  limited: boolean;
  /** The sections' names, in the order they are shown. */
  order: string[];
  sections: CardSections;
};
