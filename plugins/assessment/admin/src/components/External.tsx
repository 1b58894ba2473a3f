/**
 * Results from outside Qabilet on the card — partners' tests and the centres' desktop test
 * databases — each marked with its source, next to Qabilet's own results.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { ExternalResult, Source } from '../api';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { Bar } from './Bar';

/** A result's source in words: Qabilet's own test, a partner, or a centre's desktop test database. */
export function sourceText(t: ReturnType<typeof useT>, source: Source | null | undefined): string {
  if (!source) return t('source.qabilet');
  return t(source.kind === 'desktop' ? 'source.desktop' : 'source.partner', { name: source.name });
}

export function External({ results }: { results: ExternalResult[] }) {
  const t = useT();
  const format = useFormat();
  if (results.length === 0) return <Typography textColor="neutral600">{t('external.none')}</Typography>;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={4}>
      {results.map((r) => (
        <Box tag="li" key={r.id} padding={5} borderColor="neutral150" borderStyle="solid" borderWidth="1px" hasRadius>
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
        </Box>
      ))}
    </Flex>
  );
}
