/**
 * The registry of talents a staff member reaches: the entries of the people in their scope (the
 * registry of users' scope, `inScope`), filtered by domain, status, region, age group, strength and
 * trend, strongest first, with the evidence each entry is explained by.
 */
import type { Core } from '@strapi/strapi';
import { birthDatesOf, kzDate, type TalentEvidence, type TalentFilters, type TalentList, type TalentListItem } from '@qabilet/domain';
import { json, ms } from '@qabilet/plugin-kit/server';
import { inScope, PEOPLE, type PersonRow, type TalentScope } from '../scope';
import { nameOf } from '../people/list';
import { ENTRIES } from './tables';

export const MAX_PAGE_SIZE = 100;

type Row = PersonRow & {
  entry_id: number;
  domain: string;
  status: TalentListItem['status'];
  strength: number;
  trend: TalentListItem['trend'];
  evidence: unknown;
  entry_updated_at: unknown;
};

/** The entries within the scope, filtered; `entryId` narrows to one. */
export function entriesInScope(strapi: Core.Strapi, scope: TalentScope, f: TalentFilters, entryId?: number) {
  const knex = strapi.db.connection;
  const q = inScope(knex, knex(ENTRIES).join(PEOPLE, `${PEOPLE}.id`, `${ENTRIES}.person_id`), scope);
  if (entryId !== undefined) q.where(`${ENTRIES}.id`, entryId);
  if (f.domain) q.whereIn(`${ENTRIES}.domain`, f.domain);
  if (f.status) q.whereIn(`${ENTRIES}.status`, f.status);
  if (f.trend) q.whereIn(`${ENTRIES}.trend`, f.trend);
  if (f.strengthMin !== undefined) q.where(`${ENTRIES}.strength`, '>=', f.strengthMin);
  if (f.region) q.whereIn(`${PEOPLE}.region`, f.region);
  if (f.ageGroup) {
    const today = kzDate(new Date());
    q.where((w) =>
      f.ageGroup!.forEach((g) => {
        const { from, to } = birthDatesOf(g, today);
        w.orWhereBetween(`${PEOPLE}.birth_date`, [from, to]);
      }),
    );
  }
  return q;
}

const itemOf = (r: Row): TalentListItem => ({
  id: r.entry_id,
  personId: r.id,
  kind: r.kind,
  name: nameOf(r),
  birthDate: r.birth_date,
  region: r.region,
  locality: r.locality,
  domain: r.domain,
  status: r.status,
  strength: r.strength,
  trend: r.trend,
  evidence: json<TalentEvidence>(r.evidence, { rulesVersion: 0, threshold: 0, agreeing: [], previous: null, confirmation: null }),
  updatedAt: new Date(ms(r.entry_updated_at)!).toISOString(),
});

export const selected = [
  `${PEOPLE}.*`,
  `${ENTRIES}.id as entry_id`,
  `${ENTRIES}.domain`,
  `${ENTRIES}.status`,
  `${ENTRIES}.strength`,
  `${ENTRIES}.trend`,
  `${ENTRIES}.evidence`,
  `${ENTRIES}.updated_at as entry_updated_at`,
];

export async function listTalents(strapi: Core.Strapi, scope: TalentScope, f: TalentFilters, page: number, pageSize: number): Promise<TalentList> {
  const base = entriesInScope(strapi, scope, f);
  const [{ n }] = await base.clone().count({ n: '*' });
  const rows = (await base
    .clone()
    .select(selected)
    .orderBy(`${ENTRIES}.strength`, 'desc')
    .orderBy(`${ENTRIES}.id`, 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as Row[];
  return { data: rows.map(itemOf), meta: { page, pageSize, total: Number(n) } };
}

export async function talentInScope(strapi: Core.Strapi, scope: TalentScope, entryId: number): Promise<TalentListItem | undefined> {
  const row = (await entriesInScope(strapi, scope, {}, entryId).select(selected).first()) as Row | undefined;
  return row && itemOf(row);
}
