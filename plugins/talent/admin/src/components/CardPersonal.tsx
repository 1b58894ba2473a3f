/** The card's personal data (every field of the registry and the consent), and the operator's limited card. */
import { Typography } from '@strapi/design-system';
import { DataTable, useRegions } from '@qabilet/plugin-kit/admin';
import type { CardLimited, CardPersonal, CardRequest } from '@qabilet/domain';
import { useT, type MessageKey } from '../utils/translations';
import { useFormat } from '../utils/format';
import { CardFacts, CardPart } from './CardFacts';

export function CardPersonalView({ personal }: { personal: CardPersonal }) {
  const t = useT();
  const format = useFormat();
  const regions = new Map(useRegions().map((r) => [r.code, r.name]));
  const word = (prefix: string, value: string | null) => (value ? t(`${prefix}.${value}` as MessageKey) : null);
  return (
    <CardFacts
      facts={[
        [t('card.field.name'), [personal.surname, personal.firstName, personal.patronymic].filter(Boolean).join(' ')],
        [t('card.field.kind'), word('kind', personal.kind)],
        [t('card.field.phone'), personal.phone],
        [t('card.field.email'), personal.email],
        [t('card.field.birthDate'), personal.birthDate ? format.date(personal.birthDate) : null],
        [t('card.field.region'), personal.region ? (regions.get(personal.region) ?? personal.region) : null],
        [t('card.field.locality'), personal.locality],
        [t('card.field.education'), personal.education],
        [t('card.field.userType'), word('userType', personal.userType)],
        [t('card.field.consent'), word('consent', personal.consent)],
        [t('card.field.lastActivity'), personal.lastActivityAt ? format.dateTime(personal.lastActivityAt) : null],
      ]}
    />
  );
}

/** Requests as a table; the staff's outcome column when the card carries it. */
export function CardRequests({ requests, caption }: { requests: CardRequest[]; caption: string }) {
  const t = useT();
  const format = useFormat();
  const outcome = requests.some((r) => 'outcome' in r);
  return (
    <DataTable
      caption={caption}
      columns={[
        t('card.col.number'),
        t('card.col.created'),
        t('card.col.status'),
        t('card.col.service'),
        t('card.col.centre'),
        ...(outcome ? [t('card.col.outcome')] : []),
      ]}
      rows={requests.map((r) => ({
        key: r.number,
        cells: [
          r.number,
          r.createdAt ? format.dateTime(r.createdAt) : '—',
          t(`card.status.${r.status}` as MessageKey),
          `${t(`card.service.${r.service}` as MessageKey)}, ${t(`card.format.${r.format}` as MessageKey)}`,
          r.centre?.name ?? '—',
          ...(outcome ? [r.outcome || '—'] : []),
        ],
      }))}
    />
  );
}

export function CardLimitedView({ limited }: { limited: CardLimited }) {
  const t = useT();
  return (
    <>
      <Typography>{t('card.limited')}</Typography>
      <CardFacts
        facts={[
          [t('card.field.name'), limited.name],
          [t('card.field.phone'), limited.phone],
        ]}
      />
      <CardPart title={t('card.requests')} empty={t('card.none')}>
        {limited.openRequests.length ? <CardRequests requests={limited.openRequests} caption={t('card.requests')} /> : null}
      </CardPart>
    </>
  );
}
