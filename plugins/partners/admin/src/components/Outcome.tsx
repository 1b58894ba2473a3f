/** Whether a request was accepted or refused, in words and with an icon: never told by colour alone. */
import { Flex, Typography } from '@strapi/design-system';
import { CheckCircle, CrossCircle } from '@strapi/icons';
import { useT } from '../utils/translations';

export function Outcome({ outcome }: { outcome: 'ok' | 'refused' }) {
  const t = useT();
  const ok = outcome === 'ok';
  return (
    <Flex gap={1} alignItems="center">
      {ok ? <CheckCircle aria-hidden focusable={false} fill="success600" /> : <CrossCircle aria-hidden focusable={false} fill="danger600" />}
      <Typography fontWeight="bold" textColor={ok ? 'success700' : 'danger700'}>
        {t(ok ? 'outcome.ok' : 'outcome.refused')}
      </Typography>
    </Flex>
  );
}
