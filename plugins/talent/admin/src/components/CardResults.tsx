/** Diagnostic results over time: each test's measurements, oldest first, each with its scores and the change since the one before (in words, not colour). */
import { Flex, Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { CardRecommendation, ResultsOverTime, ScaleChange } from '@qabilet/domain';
import { useT, type MessageKey } from '../utils/translations';
import { useFormat } from '../utils/format';
import { CardPart } from './CardFacts';

function useChange() {
  const t = useT();
  return (change: ScaleChange | undefined, first: boolean) => {
    if (first) return t('card.results.first');
    if (!change) return '—';
    const points = Math.abs(Math.round(change.change));
    return change.change > 0 ? t('card.results.up', { points }) : change.change < 0 ? t('card.results.down', { points }) : t('card.results.same');
  };
}

export function CardResultsView({ results }: { results: ResultsOverTime }) {
  const t = useT();
  const format = useFormat();
  const changeText = useChange();
  if (!results.length) return <Typography textColor="neutral600">{t('card.results.none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {results.map((test) => (
        <CardPart key={`${test.source}-${test.test}`} title={`${test.title} · ${t(`card.results.source.${test.source}` as MessageKey)}`}>
          <Flex direction="column" alignItems="stretch" gap={3}>
            {test.measurements.map((m, i) => (
              <Flex key={`${m.at}-${i}`} direction="column" alignItems="stretch" gap={1}>
                <Typography fontWeight="bold">{t('card.results.measurement', { date: format.dateTime(m.at) })}</Typography>
                <DataTable
                  caption={t('card.results.caption', { test: test.title, date: format.dateTime(m.at) })}
                  columns={[t('card.col.scale'), t('card.col.score'), t('card.col.change')]}
                  rows={m.scales.map((s) => ({
                    key: s.scale,
                    cells: [
                      s.name,
                      String(Math.round(s.score)),
                      changeText(
                        m.change?.find((c) => c.scale === s.scale),
                        m.change === null,
                      ),
                    ],
                  }))}
                />
              </Flex>
            ))}
          </Flex>
        </CardPart>
      ))}
    </Flex>
  );
}

export function CardRecommendationsView({ recommendations }: { recommendations: CardRecommendation[] }) {
  const t = useT();
  const format = useFormat();
  if (!recommendations.length) return <Typography textColor="neutral600">{t('card.recommendations.none')}</Typography>;
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {recommendations.map((r) => (
        <li key={r.id}>
          <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
            {r.text}
          </Typography>
          {r.professions.length > 0 && (
            <Typography tag="p" variant="pi">
              {t('card.recommendations.professions', { professions: r.professions.map((p) => p.name).join(', ') })}
            </Typography>
          )}
          <Typography tag="p" variant="pi" textColor="neutral600">
            {t('card.recommendations.by', { author: r.author, date: format.dateTime(r.createdAt) })}
          </Typography>
        </li>
      ))}
    </Flex>
  );
}
