/**
 * "Call in progress": the request of the newest call the telephony put through to this operator,
 * asked for every 3 seconds while the page is open. A new call is announced once, politely.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { isAbort } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type CrmRequest } from '../api';
import { useT } from '../utils/translations';
import { StatusBadge } from './StatusBadge';

const EVERY_MS = 3000;

export function CallPanel({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const api = useCrmApi();
  const [call, setCall] = useState<CrmRequest | null | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        setCall(await api.currentCall(abort.signal));
        setFailed(false);
      } catch (error) {
        if (isAbort(error)) return;
        setFailed(true);
      }
      // The next question goes out once this one is answered, never two at a time.
      if (!abort.signal.aborted) timer = setTimeout(poll, EVERY_MS);
    };
    void poll();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api]);

  return (
    <Box
      tag="section"
      aria-labelledby="crm-call-title"
      padding={5}
      background={call ? 'primary100' : 'neutral100'}
      borderColor={call ? 'primary200' : 'neutral200'}
      hasRadius
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography id="crm-call-title" tag="h2" variant="delta">
          {t('call.title')}
        </Typography>
        <div aria-live="polite">
          {call === undefined ? (
            <Typography textColor="neutral600">{t('call.waiting')}</Typography>
          ) : call === null ? (
            <Typography textColor="neutral600">{t('call.none')}</Typography>
          ) : (
            <Flex gap={4} wrap="wrap" alignItems="center" justifyContent="space-between">
              <Flex tag="dl" gap={6} wrap="wrap">
                <Item term={t('call.number')} value={call.number} />
                <Item term={t('call.caller')} value={[call.person.name, call.person.phone].filter(Boolean).join(', ') || t('person.unnamed')} />
                <Item term={t('call.region')} value={call.region?.name ?? '—'} />
                <Item term={t('col.status')} value={<StatusBadge status={call.status} />} />
              </Flex>
              <Button onClick={() => onOpen(call.id)}>{t('call.open', { number: call.number })}</Button>
            </Flex>
          )}
        </div>
        {failed && (
          <Typography variant="pi" textColor="danger600">
            {t('call.failed')}
          </Typography>
        )}
      </Flex>
    </Box>
  );
}

function Item({ term, value }: { term: string; value: ReactNode }) {
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography tag="dt" variant="sigma" textColor="neutral600">
        {term}
      </Typography>
      <Typography tag="dd">{value}</Typography>
    </Flex>
  );
}
