/**
 * One page of the registry of talents: the person (a link to their card for whoever may open
 * cards), the domain, the status in words, the strength and trend in words, and beside each entry
 * the sentence that explains it; a specialist or coordinator may confirm a candidate.
 */
import { NavLink } from 'react-router-dom';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { DataTable, StatusBadge, useRegions } from '@qabilet/plugin-kit/admin';
import type { TalentListItem } from '../api-talents';
import { useT, type MessageKey } from '../utils/translations';
import { cardPath } from './PeopleTable';
import { useDomainName } from './TalentDomain';
import { TalentExplanation } from './TalentExplanation';

type Props = { entries: TalentListItem[]; card: boolean; confirm: boolean; onConfirm: (entry: TalentListItem) => void };

export function TalentTable({ entries, card, confirm, onConfirm }: Props) {
  const t = useT();
  const domainName = useDomainName();
  const regions = new Map(useRegions().map((r) => [r.code, r.name]));
  const person = (e: TalentListItem) => (
    <Flex direction="column" alignItems="flex-start">
      {card ? (
        <Link tag={NavLink} to={cardPath(e.personId)}>
          {e.name || t('person.unnamed')}
        </Link>
      ) : (
        <Typography>{e.name || t('person.unnamed')}</Typography>
      )}
      <Typography variant="pi" textColor="neutral600">
        {(e.region && (regions.get(e.region) ?? e.region)) || '—'}
      </Typography>
    </Flex>
  );
  return (
    <DataTable
      caption={t('talents.caption')}
      columns={[
        t('col.name'),
        t('talents.col.domain'),
        t('talents.col.status'),
        t('talents.col.strength'),
        t('talents.col.why'),
        ...(confirm ? [t('talents.col.actions')] : []),
      ]}
      rows={entries.map((e) => ({
        key: String(e.id),
        cells: [
          person(e),
          domainName(e.domain),
          <StatusBadge key="status" tone={e.status === 'confirmed' ? 'done' : 'waiting'}>
            {t(`talent.${e.status}` as MessageKey)}
          </StatusBadge>,
          t('talents.strength', { strength: e.strength, trend: t(`trend.${e.trend ?? 'none'}` as MessageKey) }),
          <TalentExplanation key="why" entry={e} />,
          ...(confirm
            ? [
                e.status === 'candidate' ? (
                  <Button
                    key="confirm"
                    variant="secondary"
                    size="S"
                    onClick={() => onConfirm(e)}
                    aria-label={t('talents.confirm.for', { name: e.name, domain: domainName(e.domain) })}
                  >
                    {t('talents.confirm')}
                  </Button>
                ) : (
                  '—'
                ),
              ]
            : []),
        ],
      }))}
    />
  );
}
