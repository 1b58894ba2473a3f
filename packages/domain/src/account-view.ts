/**
 * What GET /api/accounts/me sends (cms/src/accounts/profile.ts builds it; the cabinet, the test
 * list and the booking flow read it): types only. Dates are ISO; `age` is counted on Kazakhstan's
 * calendar when the answer is built.
 */

/** The person's fields as registration asks for them (the password aside), in the form's order. */
export const PERSON_FIELDS = [
  'surname',
  'firstName',
  'patronymic',
  'gender',
  'birthDate',
  'region',
  'locality',
  'email',
  'phone',
  'education',
  'userType',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

/** The account's own data; a field never filled in comes as null. */
export type AccountProfileView = Record<PersonField, string | null> & {
  id: number;
  documentId: string;
  /** A new address waiting for confirmation from the link sent to it. */
  pendingEmail: string | null;
  age: number;
  language: string;
  phoneVerified: boolean;
  deletionRequestedAt: string | null;
  createdAt: string;
};

/** Whether the account may use the services: its own consent, a parent's when a minor, no deletion asked. */
export type ConsentStateView = { own: boolean; parentalNeeded: boolean; parental: boolean; servicesAllowed: boolean };

/** A consent given by the user or for one of their children. */
export type ConsentView = {
  documentId: string;
  kind: 'own' | 'parental';
  status: string;
  textVersion: string;
  language: string;
  channel: string;
  givenBy: string;
  givenAt: string | null;
  withdrawnAt: string | null;
  child: { documentId: string; firstName: string } | null;
};

/** A child's profile as the parent sees it. */
export type ChildView = {
  documentId: string;
  surname: string;
  firstName: string;
  patronymic: string | null;
  gender: string;
  birthDate: string;
  age: number;
  region: string;
  locality: string;
  education: string;
};

export type AccountView = {
  profile: AccountProfileView;
  consent: ConsentStateView;
  consents: ConsentView[];
  children: ChildView[];
};
