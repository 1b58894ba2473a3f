/**
 * Results from outside Qabilet on the card — partners' tests and the centres' desktop test
 * databases — each marked with its source, next to Qabilet's own results.
 */
import { Flex, Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { ExternalResult, Source } from '../api';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { Bar } from './Bar';
import { CardList } from './CardList';

/** A result's source in words: Qabilet's own test, a partner, or a centre's desktop test database. */
export function sourceText(t: ReturnType<typeof useT>, source: Source | null | undefined): string {
  if (!source) return t('source.qabilet');
  return t(source.kind === 'desktop' ? 'source.desktop' : 'source.partner', { name: source.name });
}

export function External({ results }: { results: ExternalResult[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <CardList items={results} none={t('external.none')} keyOf={(r) => r.id}>
      {(r) => (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography tag="h3" variant="delta">
            {t('results.heading', { title: r.test.title, date: format.date(r.finishedAt) })}
          </Typography>
          <Typography>{sourceText(t, r.source)}</Typography>
          <DataTable
            caption={t('results.scales', { title: r.test.title })}
            columns={[t('col.scale'), t('col.score'), t('col.level')]}
            rows={r.scales.map((s) => ({ key: s.scale, cells: [s.name, <Bar value={s.score} />, t(`level.${s.level}`)] }))}
          />
        </Flex>
      )}
    </CardList>
  );
}
