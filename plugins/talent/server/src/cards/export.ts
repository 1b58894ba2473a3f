/**
 * The card's results for the psychologist (GET /talent/people/:id/export): every measurement of
 * every test, one row per scale, with the change since the previous measurement of the same test —
 * the table a psychologist compares repeated diagnostics in. Named by the registry's id only.
 */
import type { Core } from '@strapi/strapi';
import { kzDate } from '@qabilet/domain';
import { tableFile, type TableFile } from '@qabilet/plugin-kit/server';
import { message, type Language, type MessageKey } from '../messages';
import type { PersonRow } from '../scope';
import { resultsOf } from './results';

export async function exportResults(strapi: Core.Strapi, person: PersonRow, file: 'xlsx' | 'csv', language: Language, now: Date): Promise<TableFile> {
  const say = (key: MessageKey) => message(language, key);
  const rows = (await resultsOf(strapi, person, language)).flatMap((test) =>
    test.measurements.flatMap((m) =>
      m.scales.map((s) => {
        const change = m.change?.find((c) => c.scale === s.scale);
        return [
          test.title,
          say(`card.export.source.${test.source}`),
          kzDate(new Date(m.at)),
          s.name,
          String(Math.round(s.score)),
          change ? String(Math.round(change.change)) : '',
        ];
      }),
    ),
  );
  return tableFile({
    header: [
      say('card.export.test'),
      say('card.export.source'),
      say('card.export.date'),
      say('card.export.scale'),
      say('card.export.score'),
      say('card.export.change'),
    ],
    rows,
    file,
    sheet: say('card.export.sheet'),
    filename: `card-${person.id}-results-${kzDate(now)}`,
    now,
  });
}
