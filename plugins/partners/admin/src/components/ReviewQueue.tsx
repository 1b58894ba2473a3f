/**
 * The review queue: the rows of this partner's files (or of its desktop program's pushes) that
 * matched nobody for sure, newest first, each waiting for staff to settle it.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Box, Button, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { Pager, ProblemText, useResource } from '@qabilet/plugin-kit/admin';
import { usePartnersApi, type QueuedRow, type Resolution } from '../api';
import { useT } from '../utils/translations';
import { LiveStatus } from './LiveStatus';
import { QueueItem } from './QueueItem';

type Props = { partnerId: number; version: number; headingRef: RefObject<HTMLHeadingElement | null> };

export function ReviewQueue({ partnerId, version, headingRef }: Props) {
  const t = useT();
  const api = usePartnersApi();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState('');
  const moveFocus = useRef(false);
  const queue = useResource(
    // `version` changes when a file was imported: the queue is asked again.
    useCallback(() => api.queue(partnerId, page), [api, partnerId, page, version]),
    t('error.generic'),
  );
  useEffect(() => setPage(1), [partnerId]);
  useEffect(() => {
    if (!queue.loading && moveFocus.current) {
      moveFocus.current = false;
      headingRef.current?.focus();
    }
  }, [queue.loading, headingRef]);

  const rows = queue.data?.data ?? [];
  const meta = queue.data?.meta;
  const total = meta?.total ?? rows.length;
  const pageSize = meta?.pageSize ?? Math.max(rows.length, 1);

  async function resolve(row: QueuedRow, body: Resolution) {
    await api.resolve(row.id, body);
    setStatus('discard' in body ? t('queue.discarded') : t('queue.resolved'));
    // The row leaves the list: focus goes back to the queue's heading, whose count is read anew.
    moveFocus.current = true;
    queue.reload();
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <LiveStatus message={status} />
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Typography aria-live="polite">{queue.data ? t('queue.total', { total }) : ''}</Typography>
        <Button type="button" variant="tertiary" startIcon={<ArrowClockwise />} onClick={queue.reload}>
          {t('queue.refresh')}
        </Button>
      </Flex>
      {queue.problem ? (
        <ProblemText message={queue.problem.message} />
      ) : !queue.data ? (
        <Box padding={4}>
          <Loader>{t('queue.loading')}</Loader>
        </Box>
      ) : rows.length === 0 ? (
        <EmptyStateLayout content={t('queue.empty')} />
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={4} margin={0} padding={0} aria-label={t('queue.list')}>
          {rows.map((row) => (
            <QueueItem key={row.id} row={row} onResolve={resolve} />
          ))}
        </Flex>
      )}
      {total > pageSize && (
        <Pager
          id="partners-queue"
          label={t('queue.pages')}
          t={t}
          paging={{ page, pageSize }}
          total={total}
          onChange={(next) => setPage(next.page)}
          resizable={false}
        />
      )}
    </Flex>
  );
}
