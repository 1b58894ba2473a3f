import type { FieldError } from '../api';
import type { Messages } from '../Form';

export type Profile = Record<string, string | number | boolean | null> & {
  firstName: string;
  age: number;
  phoneVerified: boolean;
  deletionRequestedAt: string | null;
  userType: string;
  pendingEmail: string | null;
};
export type Consent = {
  documentId: string;
  kind: 'own' | 'parental';
  status: string;
  textVersion: string;
  givenAt: string | null;
  child: { firstName: string } | null;
};
export type View = {
  profile: Profile;
  consent: { own: boolean; parentalNeeded: boolean; parental: boolean; servicesAllowed: boolean };
  consents: Consent[];
  children: Array<{ documentId: string; firstName: string; surname: string; age: number }>;
};

/** Runs an action as the user, then reloads the view; resolves whether it succeeded. */
export type Act = (fn: () => Promise<unknown>, message?: string) => Promise<boolean>;

/** What every section of the cabinet is given. */
export type SectionProps = { locale: string; t: Messages; act: Act; errors: FieldError[] };

/** Where a one-time code is being asked for: the user's phone, or the parent's by SMS. */
export type CodeFor = 'phone' | 'parental' | null;

export const EDITABLE = ['surname', 'firstName', 'patronymic', 'gender', 'birthDate', 'education', 'region', 'locality', 'email', 'phone'] as const;
