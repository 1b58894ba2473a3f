/** The consultation journal's signed recommendations on the card: each consultation (day, specialist), its recommendations with their links (the journal's own list), and the next step. */
import { Flex, Typography } from '@strapi/design-system';
import type { JournalRecommendationsItem } from '@qabilet/domain';
import { useT, type MessageKey } from '../utils/translations';
import { useFormat } from '../utils/format';
import { JournalRecommendationList } from './JournalText';

export function CardJournalView({ items }: { items: JournalRecommendationsItem[] }) {
  const t = useT();
  const format = useFormat();
  if (!items.length) return <Typography textColor="neutral600">{t('card.journal.none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {items.map((item, i) => (
        <Flex key={`${item.date}-${i}`} tag="section" direction="column" alignItems="stretch" gap={2} aria-labelledby={`talent-card-journal-${i}`}>
          <Typography id={`talent-card-journal-${i}`} tag="h3" variant="delta">
            {t('card.journal.entry', { service: t(`card.service.${item.service}` as MessageKey), date: format.date(item.date), specialist: item.specialist })}
          </Typography>
          <JournalRecommendationList recommendations={item.recommendations} />
          {item.nextStep ? <Typography>{t('card.journal.nextStep', { step: item.nextStep })}</Typography> : null}
        </Flex>
      ))}
    </Flex>
  );
}
