import type { FieldError } from '../api';
import type { Messages } from '../Form';

/** GET /api/accounts/me (packages/domain/src/account-view.ts), by the names the cabinet uses. */
export type { AccountView as View, AccountProfileView as Profile, ConsentView as Consent } from '@qabilet/domain';

/** Runs an action as the user, then reloads the view; resolves whether it succeeded. */
export type Act = (fn: () => Promise<unknown>, message?: string) => Promise<boolean>;

/** What every section of the cabinet is given. */
export type SectionProps = { locale: string; t: Messages; act: Act; errors: FieldError[] };

/** Where a one-time code is being asked for: the user's phone, or the parent's by SMS. */
export type CodeFor = 'phone' | 'parental' | null;

export const EDITABLE = ['surname', 'firstName', 'patronymic', 'gender', 'birthDate', 'education', 'region', 'locality', 'email', 'phone'] as const;
