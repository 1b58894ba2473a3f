/**
 * What the person reads of their journal (R-REC): the recommendations and the next step of each
 * signed entry, with the specialist's name and the day — never the observations or the private
 * notes. The cabinet asks for them (GET /api/talent/journal/mine); the user card shows them too.
 */
import type { Core } from '@strapi/strapi';
import { EMPTY_FIELDS, kzDate, type JournalFields, type JournalRecommendationsItem } from '@qabilet/domain';
import { json, ms } from '@qabilet/plugin-kit/server';
import { specialistNames } from './sources';
import { ENTRIES, REVISIONS, SAMPLE_ENTRIES } from './tables';

type Signed = { specialist_id: number; service: 'consultation' | 'testing'; held_at: unknown; fields: string };

/** The signed recommendations of a person (`u:<id>`, `c:<id>`, `l:<digits>`), newest first. */
export async function recommendationsFor(strapi: Core.Strapi, personKey: string): Promise<JournalRecommendationsItem[]> {
  const rows = (await strapi.db
    .connection(ENTRIES)
    .where({ person_key: personKey, status: 'signed' })
    .orderBy('held_at', 'desc')
    .limit(100)
    .select('specialist_id', 'service', 'held_at', 'fields')) as Signed[];
  const names = await specialistNames(
    strapi,
    rows.map((r) => r.specialist_id),
  );
  return rows.map((r) => {
    const fields = json<JournalFields>(r.fields, EMPTY_FIELDS);
    return {
      date: kzDate(new Date(ms(r.held_at) as number)),
      service: r.service,
      specialist: names.get(r.specialist_id) ?? '',
      recommendations: fields.recommendations,
      nextStep: fields.nextStep,
    };
  });
}

/** A person who left the registry (consent withdrawn, account deleted): their entries go at once. */
export async function forgetJournal(strapi: Core.Strapi, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await strapi.db.connection.transaction(async (trx) => {
    const entries = await trx(ENTRIES).whereIn('person_key', keys).select('id', 'booking_id');
    if (!entries.length) return;
    await trx(REVISIONS)
      .whereIn(
        'entry_id',
        entries.map((e: { id: number }) => e.id),
      )
      .delete();
    await trx(SAMPLE_ENTRIES)
      .whereIn(
        'booking_id',
        entries.map((e: { booking_id: number }) => e.booking_id),
      )
      .delete();
    await trx(ENTRIES)
      .whereIn(
        'id',
        entries.map((e: { id: number }) => e.id),
      )
      .delete();
  });
}
