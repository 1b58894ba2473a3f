/** What the registry of talents sends to the admin (types only): its list, and the rules' versions. */
import type { PersonKind } from './registry.ts';
import type { TalentEntryStatus, TalentEvidence, TalentRules, TalentTrend } from './talent.ts';

export type TalentListItem = {
  /** The entry's id (what a specialist confirms). */
  id: number;
  /** The person's registry id (their card's address). */
  personId: number;
  kind: PersonKind;
  name: string;
  birthDate: string | null;
  region: string | null;
  locality: string | null;
  domain: string;
  status: TalentEntryStatus;
  strength: number;
  trend: TalentTrend | null;
  evidence: TalentEvidence;
  updatedAt: string;
};

export type TalentList = {
  data: TalentListItem[];
  meta: { page: number; pageSize: number; total: number };
};

export type TalentRulesVersion = { version: number; rules: TalentRules; authorId: number | null; authorName: string | null; createdAt: string };

export type TalentRulesView = { current: TalentRulesVersion; history: TalentRulesVersion[] };

/** The filters of the registry of talents, as the query string carries them. */
export const TALENT_FILTER_KEYS = ['domain', 'status', 'region', 'ageGroup', 'strengthMin', 'trend'] as const;

/**
 * The talent entries on a person's card: the same facts as the registry's list, the domain named in
 * the reader's language. On the person's own card a specialist's note is left out (staff words).
 */
export type CardTalent = Pick<TalentListItem, 'id' | 'domain' | 'status' | 'strength' | 'trend' | 'evidence' | 'updatedAt'> & { domainName: string };
