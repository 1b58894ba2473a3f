/** One request as a description list (person, booking, wish, outcome) and its history, newest last. */
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { useRBAC } from '@strapi/strapi/admin';
import { Box, Flex, Grid, Link, Typography } from '@strapi/design-system';
import type { CrmRequest, HistoryEntry } from '../api';
import { useT, hasKey } from '../utils/translations';
import { StatusBadge } from './StatusBadge';

function Item({ term, children, wide }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <Grid.Item tag="div" col={wide ? 12 : 4} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
      <Typography tag="dt" variant="sigma" textColor="neutral600">
        {term}
      </Typography>
      <Typography tag="dd">{children}</Typography>
    </Grid.Item>
  );
}

const SEE_RESULTS = { read: [{ action: 'plugin::assessment.read', subject: null }] };

export function RequestDetails({ request }: { request: CrmRequest }) {
  const t = useT();
  const { allowedActions } = useRBAC(SEE_RESULTS);
  const { formatDate } = useIntl();
  const when = (iso: string) =>
    formatDate(new Date(iso), { timeZone: 'Asia/Almaty', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const booking = request.booking;
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Grid.Root tag="dl" gap={4}>
        <Item term={t('col.status')}>
          <StatusBadge status={request.status} />
        </Item>
        <Item term={t('col.person')}>
          {`${request.person.name || t('person.unnamed')} (${t(`person.${request.person.kind}`)})`}
          {request.person.phone && <Box>{request.person.phone}</Box>}
          {allowedActions.canRead && request.person.kind !== 'lead' && request.person.id !== null && (
            // The card still answers only within the assessment plugin's own scope: the link is a way there, not a right.
            <Box>
              <Link tag={NavLink} to={`/plugins/assessment/people/${request.person.kind}/${request.person.id}`}>
                {t('details.results')}
              </Link>
            </Box>
          )}
        </Item>
        <Item term={t('col.source')}>{t(`source.${request.source}`)}</Item>
        <Item term={t('col.service')}>{`${t(`service.${request.service}`)}, ${t(`format.${request.format}`)}`}</Item>
        <Item term={t('col.region')}>{request.region?.name ?? '—'}</Item>
        <Item term={t('col.centre')}>{request.centre?.name ?? '—'}</Item>
        <Item term={t('col.specialist')}>{request.specialist?.name ?? t('details.unassigned')}</Item>
        <Item term={t('col.booking')}>
          {booking
            ? t('details.booking', {
                date: formatDate(new Date(`${booking.date}T00:00:00Z`), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }),
                time: booking.time,
              })
            : t('details.noBooking')}
        </Item>
        <Item term={t('col.created')}>{when(request.createdAt)}</Item>
        <Item term={t('details.wish')} wide>
          {request.wish || '—'}
        </Item>
        {request.outcome && (
          <Item term={t('details.outcome')} wide>
            {request.outcome}
          </Item>
        )}
      </Grid.Root>
      {request.history && <History entries={request.history} when={when} />}
    </Flex>
  );
}

function History({ entries, when }: { entries: HistoryEntry[]; when: (iso: string) => string }) {
  const t = useT();
  const action = (a: string) => {
    const key = `history.${a}`;
    return hasKey(key) ? t(key) : a;
  };
  const by = (e: HistoryEntry) => e.by.name || t(`history.by.${e.by.kind}`);
  const status = (e: HistoryEntry) => {
    const s = e.changes?.status;
    const key = `status.${String(s)}`;
    return typeof s === 'string' && hasKey(key) ? t(key) : null;
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography tag="h3" variant="delta">
        {t('details.history')}
      </Typography>
      <ol>
        {entries.map((e, i) => (
          <Box tag="li" key={`${e.at}-${i}`} paddingTop={2} paddingBottom={2} borderColor="neutral150" borderStyle="solid" borderWidth="0 0 1px 0">
            <Typography variant="pi" textColor="neutral600">{`${when(e.at)} · ${by(e)}`}</Typography>
            <Typography tag="p">
              {action(e.action)}
              {status(e) ? ` → ${status(e)}` : ''}
            </Typography>
            {e.note && (
              <Typography tag="p" textColor="neutral700">
                «{e.note}»
              </Typography>
            )}
          </Box>
        ))}
      </ol>
    </Flex>
  );
}
