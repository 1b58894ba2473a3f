/**
 * The partner's log, newest first, a page at a time: each launch, sign-in, score, callback and
 * import, whether it was accepted, and why not in the server's words (never a person's details:
 * the server logs ids and counts only).
 */
import { useCallback, useState } from 'react';
import { Box, Button, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { DataTable, Pager, ProblemText, useResource } from '@qabilet/plugin-kit/admin';
import { usePartnersApi } from '../api';
import { useFormat } from '../utils/format';
import { hasKey, useT } from '../utils/translations';
import { Outcome } from './Outcome';

/** The log opens at 20 events a page, one of the sizes offered. */
const PAGE_SIZES = [10, 20, 50, 100];

export function EventLog({ partnerId }: { partnerId: number }) {
  const t = useT();
  const api = usePartnersApi();
  const format = useFormat();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { page, pageSize } = paging;
  const log = useResource(
    useCallback(() => api.events(partnerId, page, pageSize), [api, partnerId, page, pageSize]),
    t('error.generic'),
  );
  const events = log.data?.data ?? [];
  const total = log.data?.meta?.total ?? events.length;
  const kindName = (kind: string) => {
    const key = `event.${kind}`;
    return hasKey(key) ? t(key) : kind;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Typography aria-live="polite">{log.data ? t('log.total', { total }) : ''}</Typography>
        <Button type="button" variant="tertiary" startIcon={<ArrowClockwise />} loading={log.loading && Boolean(log.data)} onClick={log.reload}>
          {t('log.refresh')}
        </Button>
      </Flex>
      {log.problem ? (
        <ProblemText message={log.problem.message} />
      ) : !log.data ? (
        <Box padding={4}>
          <Loader>{t('log.loading')}</Loader>
        </Box>
      ) : events.length === 0 ? (
        <EmptyStateLayout content={t('log.empty')} />
      ) : (
        <DataTable
          caption={t('log.caption')}
          columns={[t('log.col.at'), t('log.col.kind'), t('log.col.outcome'), t('log.col.explanation')]}
          rows={events.map((event) => ({
            key: String(event.id),
            cells: [
              format.dateTime(event.at),
              kindName(event.kind),
              <Outcome key="outcome" outcome={event.outcome} />,
              <Flex key="why" direction="column" alignItems="flex-start" gap={1}>
                <Typography>{event.explanation || event.code}</Typography>
                {event.detail && (
                  <Typography variant="pi" textColor="neutral600">
                    {t('log.detail', { detail: event.detail })}
                  </Typography>
                )}
              </Flex>,
            ],
          }))}
        />
      )}
      {log.data && total > pageSize && (
        <Pager id="partners-log" label={t('log.pages')} t={t} sizes={PAGE_SIZES} paging={paging} total={total} onChange={setPaging} />
      )}
    </Flex>
  );
}
