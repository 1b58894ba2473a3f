/**
 * A whole attempt taken through the runner's own steps — start, one batch of answers, finish — at a
 * given time, each item answered by `choose`. For the demo data of `npm start` (a pupil whose results
 * the registry of talents shows); nothing here skips a check the API makes.
 */
import type { Core } from '@strapi/strapi';
import { itemsOf, type AnswerValue, type Item } from '@qabilet/domain';
import { finishAttempt, saveAnswers, startAttempt, type AttemptRow } from './attempts';
import type { Person } from './people';
import { versionById } from './versions';

export async function takeWhole(strapi: Core.Strapi, person: Person, slug: string, choose: (item: Item) => AnswerValue, at: Date): Promise<AttemptRow> {
  const { row } = await startAttempt(strapi, person, slug, at);
  const version = (await versionById(strapi, row.version_id))!;
  const items = itemsOf(version.definition);
  const answers = items.map((item, i) => ({
    item: item.key,
    value: choose(item),
    seq: i + 1,
    timeMs: 2_000,
    answeredAt: new Date(at.getTime() + (i + 1) * 2_000).toISOString(),
  }));
  const done = new Date(at.getTime() + (items.length + 1) * 2_000);
  await saveAnswers(strapi, row, version, { answers }, done);
  return finishAttempt(strapi, row, version, {}, done);
}
