/** The options the person activated: the services they used, each with its list (requests, bookings, tests, results from outside, waiting list). */
import { Flex, Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { CardOutsideResult, CardServices } from '@qabilet/domain';
import { useT, type MessageKey } from '../utils/translations';
import { useFormat } from '../utils/format';
import { CardPart } from './CardFacts';
import { CardRequests } from './CardPersonal';

function Outside({ results, caption }: { results: CardOutsideResult[]; caption: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      caption={caption}
      columns={[t('card.col.test'), t('card.col.source'), t('card.col.date')]}
      rows={results.map((r, i) => ({ key: `${r.test}-${i}`, cells: [r.title, r.source, r.at ? format.dateTime(r.at) : '—'] }))}
    />
  );
}

export function CardServicesView({ services }: { services: CardServices }) {
  const t = useT();
  const format = useFormat();
  const status = (s: string) => t(`card.status.${s}` as MessageKey);
  const asked = (s: { service: string; format: string }) => `${t(`card.service.${s.service}` as MessageKey)}, ${t(`card.format.${s.format}` as MessageKey)}`;
  const empty = t('card.none');
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography>{t('card.used', { services: services.used.map((s) => t(`service.${s}` as MessageKey)).join(', ') || '—' })}</Typography>
      <CardPart title={t('card.requests')} empty={empty}>
        {services.requests.length ? <CardRequests requests={services.requests} caption={t('card.requests')} /> : null}
      </CardPart>
      <CardPart title={t('card.bookings')} empty={empty}>
        {services.bookings.length ? (
          <DataTable
            caption={t('card.bookings')}
            columns={[t('card.col.start'), t('card.col.status'), t('card.col.service'), t('card.col.centre')]}
            rows={services.bookings.map((b) => ({ key: b.start, cells: [format.dateTime(b.start), status(b.status), asked(b), b.centre.name] }))}
          />
        ) : null}
      </CardPart>
      <CardPart title={t('card.attempts')} empty={empty}>
        {services.attempts.length ? (
          <DataTable
            caption={t('card.attempts')}
            columns={[t('card.col.test'), t('card.col.status'), t('card.col.started'), t('card.col.finished')]}
            rows={services.attempts.map((a) => ({
              key: String(a.id),
              cells: [a.title, status(a.status), format.dateTime(a.startedAt), a.finishedAt ? format.dateTime(a.finishedAt) : '—'],
            }))}
          />
        ) : null}
      </CardPart>
      <CardPart title={t('card.partnerResults')} empty={empty}>
        {services.partnerResults.length ? <Outside results={services.partnerResults} caption={t('card.partnerResults')} /> : null}
      </CardPart>
      <CardPart title={t('card.desktopResults')} empty={empty}>
        {services.desktopResults.length ? <Outside results={services.desktopResults} caption={t('card.desktopResults')} /> : null}
      </CardPart>
      <CardPart title={t('card.waitlist')} empty={empty}>
        {services.waitlist.length ? (
          <DataTable
            caption={t('card.waitlist')}
            columns={[t('card.col.period'), t('card.col.status'), t('card.col.service'), t('card.col.centre')]}
            rows={services.waitlist.map((w, i) => ({
              key: `${w.from}-${i}`,
              cells: [`${format.date(w.from)} – ${format.date(w.to)}`, status(w.status), asked(w), w.centre.name],
            }))}
          />
        ) : null}
      </CardPart>
      <Typography textColor="neutral600">{t('card.videoSessions')}</Typography>
    </Flex>
  );
}
