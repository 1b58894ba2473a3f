/** One page of the registry: the name (a link to the card for whoever may open cards) and what the role may see. */
import { NavLink } from 'react-router-dom';
import { Flex, Link, Typography } from '@strapi/design-system';
import { DataTable, useRegions } from '@qabilet/plugin-kit/admin';
import type { PersonListItem } from '../api';
import { useT, type MessageKey } from '../utils/translations';
import { useFormat } from '../utils/format';

export const cardPath = (id: number) => `/plugins/talent/people/${id}`;

export function PeopleTable({ people, limited, card }: { people: PersonListItem[]; limited: boolean; card: boolean }) {
  const t = useT();
  const format = useFormat();
  const regions = new Map(useRegions().map((r) => [r.code, r.name]));
  const name = (p: PersonListItem) => (
    <Flex direction="column" alignItems="flex-start">
      {card ? (
        <Link tag={NavLink} to={cardPath(p.id)}>
          {p.name || t('person.unnamed')}
        </Link>
      ) : (
        <Typography>{p.name || t('person.unnamed')}</Typography>
      )}
      <Typography variant="pi" textColor="neutral600">
        {t(`kind.${p.kind}` as MessageKey)}
      </Typography>
    </Flex>
  );
  if (limited)
    return (
      <DataTable
        caption={t('people.caption')}
        columns={[t('col.name'), t('col.phone'), t('col.openRequests')]}
        rows={people.map((p) => ({ key: String(p.id), cells: [name(p), p.phone ?? '—', String(p.openRequests ?? 0)] }))}
      />
    );
  return (
    <DataTable
      caption={t('people.caption')}
      columns={[t('col.name'), t('col.contacts'), t('col.birthDate'), t('col.region'), t('col.services'), t('col.lastActivity'), t('col.talent')]}
      rows={people.map((p) => ({
        key: String(p.id),
        cells: [
          name(p),
          [p.phone, p.email].filter(Boolean).join(', ') || '—',
          p.birthDate ? format.date(p.birthDate) : '—',
          (p.region && (regions.get(p.region) ?? p.region)) || '—',
          p.services.map((s) => t(`service.${s}` as MessageKey)).join(', ') || '—',
          p.lastActivityAt ? format.date(p.lastActivityAt) : '—',
          t(`talent.${p.talent ?? 'none'}` as MessageKey),
        ],
      }))}
    />
  );
}
