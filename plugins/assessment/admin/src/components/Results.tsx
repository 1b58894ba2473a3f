/**
 * Every test the person finished, newest first as the server orders them: when, how long it took,
 * how many items were answered, each scale's score and level, and how the scales moved since the
 * previous attempt at the same test.
 */
import { Flex, Grid, Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { Result } from '../api';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { Bar } from './Bar';
import { CardList } from './CardList';
import { Fact } from './Fact';

export function Results({ results }: { results: Result[] }) {
  const t = useT();
  return (
    <CardList items={results} none={t('results.none')} keyOf={(result) => result.attemptId}>
      {(result) => <ResultView result={result} />}
    </CardList>
  );
}

/** A change of a score, signed, and in words when there is none. */
function useChange() {
  const t = useT();
  return (change: number) => {
    const rounded = Math.round(change);
    if (rounded === 0) return t('compare.same');
    return rounded > 0 ? t('compare.up', { change: rounded }) : t('compare.down', { change: Math.abs(rounded) });
  };
}

function ResultView({ result }: { result: Result }) {
  const t = useT();
  const format = useFormat();
  const change = useChange();
  const title = result.test.profession ? t('results.professionTest', { title: result.test.title, profession: result.test.profession.name }) : result.test.title;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="h3" variant="delta">
        {t('results.heading', { title, date: format.date(result.finishedAt) })}
      </Typography>
      <Grid.Root tag="dl" gap={4}>
        <Fact term={t('results.finished')}>{format.dateTime(result.finishedAt)}</Fact>
        <Fact term={t('results.duration')}>{format.duration(result.durationMs)}</Fact>
        <Fact term={t('results.answered')}>{t('results.answeredOf', { answered: result.answered, total: result.total })}</Fact>
      </Grid.Root>
      <DataTable
        caption={t('results.scales', { title })}
        columns={[t('col.scale'), t('col.score'), t('col.level'), t('col.percentile')]}
        rows={result.scales.map((s) => ({
          key: s.scale,
          cells: [s.name, <Bar value={s.score} />, t(`level.${s.level}`), s.percentile === null ? '—' : String(Math.round(s.percentile))],
        }))}
      />
      {result.previous && result.comparison ? (
        <DataTable
          caption={t('compare.caption', { date: format.date(result.previous.finishedAt) })}
          columns={[t('col.scale'), t('col.before'), t('col.after'), t('col.change')]}
          rows={result.comparison.map((c) => ({ key: c.scale, cells: [c.name, String(Math.round(c.before)), String(Math.round(c.after)), change(c.change)] }))}
        />
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {t('compare.first')}
        </Typography>
      )}
    </Flex>
  );
}
