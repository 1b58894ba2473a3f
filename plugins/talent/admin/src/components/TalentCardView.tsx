/** The talent entries on a person's card: domain, status, strength and trend, and the reason for each. */
import { Typography } from '@strapi/design-system';
import { DataTable, StatusBadge } from '@qabilet/plugin-kit/admin';
import type { CardTalent } from '@qabilet/domain';
import { useT, type MessageKey } from '../utils/translations';
import { useDomainName } from './TalentDomain';
import { useExplain } from './TalentExplanation';

export function TalentCardView({ items }: { items: CardTalent[] }) {
  const t = useT();
  const domainName = useDomainName();
  const explain = useExplain();
  if (!items.length) return <Typography>{t('card.talents.none')}</Typography>;
  return (
    <DataTable
      caption={t('card.talents.caption')}
      columns={[t('talents.col.domain'), t('talents.col.status'), t('talents.col.strength'), t('talents.col.why')]}
      rows={items.map((e) => ({
        key: String(e.id),
        cells: [
          domainName(e.domain),
          <StatusBadge key="status" tone={e.status === 'confirmed' ? 'done' : 'waiting'}>
            {t(`talent.${e.status}` as MessageKey)}
          </StatusBadge>,
          t('talents.strength', { strength: e.strength, trend: t(`trend.${e.trend ?? 'none'}` as MessageKey) }),
          <Typography key="why" variant="pi">
            {explain(e)}
          </Typography>,
        ],
      }))}
    />
  );
}
