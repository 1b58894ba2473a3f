/**
 * What the registry of users sends to the admin (types only). `limited` lists (a call-centre
 * operator's) carry the name, the phone and the open requests and nothing else.
 */
import type { ConsentState, PersonService, TalentStatus } from './people-registry.ts';
import type { PersonKind } from './registry.ts';

export type PersonListItem = {
  id: number;
  kind: PersonKind;
  name: string;
  phone: string | null;
  /** Left out (null) for a limited view. */
  email: string | null;
  birthDate: string | null;
  region: string | null;
  locality: string | null;
  education: string | null;
  userType: string | null;
  consent: ConsentState | null;
  services: PersonService[];
  lastActivityAt: string | null;
  talent: TalentStatus | null;
  /** Only in a limited view: how many of the person's requests are open. */
  openRequests?: number;
};

export type PeopleList = {
  data: PersonListItem[];
  meta: { page: number; pageSize: number; total: number; limited: boolean };
};

/** What the staff member may do in the registry, as the server works it out (GET /talent/me). */
export type RegistryMe = {
  role: 'admin' | 'curator' | 'operator' | 'coordinator' | 'specialist';
  limited: boolean;
  readOnly: boolean;
  regions: string[];
  centre: string | null;
  can: Record<string, boolean>;
};
