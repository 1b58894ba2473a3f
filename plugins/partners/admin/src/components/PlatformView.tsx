/**
 * "What to give the partner": the platform's ids and addresses that the partner's kind uses, and its
 * secret, of which Qabilet shows only the last four characters. A new secret replaces the old one
 * at once, so it is asked for twice.
 */
import { useRef, useState } from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { DialogFooter, problemOf, ProblemText } from '@qabilet/plugin-kit/admin';
import { usePartnersApi, type PartnerKind, type PartnerView, type Platform, type PlatformKey } from '../api';
import { useT } from '../utils/translations';
import { SecretDialog } from './SecretDialog';

const KEYS_OF: Record<PartnerKind, PlatformKey[]> = {
  lti: ['issuer', 'clientId', 'deploymentId', 'authUrl', 'tokenUrl', 'jwksUrl', 'lineItemsUrl'],
  callback: ['issuer', 'clientId', 'callbackUrl', 'jwksUrl'],
  desktop: ['clientId', 'desktopUrl'],
};

type Props = { partner: PartnerView; platform: Platform; onRotated: (partner: PartnerView) => void };

export function PlatformView({ partner, platform, onRotated }: Props) {
  const t = useT();
  const values = KEYS_OF[partner.kind]
    .map((key) => [key, key === 'clientId' ? (platform.clientId ?? partner.clientId) : platform[key]] as const)
    .filter(([, value]) => value);
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography textColor="neutral700">{t(`platform.intro.${partner.kind}`)}</Typography>
      <Box tag="dl" margin={0}>
        {values.map(([key, value]) => (
          <Flex key={key} tag="div" direction="column" alignItems="flex-start" gap={1} paddingBottom={3}>
            <Typography tag="dt" fontWeight="bold">
              {t(`platform.${key}`)}
            </Typography>
            <Typography tag="dd" style={{ fontFamily: 'monospace', overflowWrap: 'anywhere', marginInlineStart: 0 }}>
              {value}
            </Typography>
          </Flex>
        ))}
        {partner.kind !== 'lti' && (
          <Flex tag="div" direction="column" alignItems="flex-start" gap={1} paddingBottom={3}>
            <Typography tag="dt" fontWeight="bold">
              {t(partner.kind === 'desktop' ? 'secret.label.desktop' : 'secret.label.callback')}
            </Typography>
            <Typography tag="dd" id="partners-secret-hint" style={{ marginInlineStart: 0 }}>
              {partner.secretHint ? t('secret.hintShown', { hint: partner.secretHint }) : t('secret.none')}
            </Typography>
          </Flex>
        )}
      </Box>
      {partner.kind !== 'lti' && <RotateSecret partner={partner} onRotated={onRotated} />}
    </Flex>
  );
}

function RotateSecret({ partner, onRotated }: { partner: PartnerView; onRotated: (partner: PartnerView) => void }) {
  const t = useT();
  const api = usePartnersApi();
  const button = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [secret, setSecret] = useState<string | null>(null);

  async function rotate() {
    setSending(true);
    try {
      const answer = await api.rotate(partner.id);
      setRefusal(undefined);
      setAsking(false);
      setSecret(answer.secret);
      onRotated(answer.data);
    } catch (error) {
      setRefusal(problemOf(error, t('error.generic')).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Button ref={button} type="button" variant="secondary" startIcon={<ArrowClockwise />} onClick={() => setAsking(true)}>
        {t('secret.rotate')}
      </Button>
      {refusal && !asking && <ProblemText message={refusal} />}
      {asking && (
        <Dialog.Root open onOpenChange={(open) => !open && setAsking(false)}>
          <Dialog.Content>
            <Dialog.Header>{t('secret.rotate.title')}</Dialog.Header>
            <Dialog.Body icon={<WarningCircle fill="danger600" aria-hidden focusable={false} />}>
              <Flex direction="column" alignItems="stretch" gap={2} width="100%">
                <Dialog.Description>{t('secret.rotate.warning')}</Dialog.Description>
                {refusal && (
                  <Typography role="alert" textColor="danger600">
                    {refusal}
                  </Typography>
                )}
              </Flex>
            </Dialog.Body>
            <DialogFooter cancel={t('dialog.cancel')} confirm={t('secret.rotate.confirm')} sending={sending} onConfirm={rotate} />
          </Dialog.Content>
        </Dialog.Root>
      )}
      {secret && <SecretDialog secret={secret} kind={partner.kind} partnerName={partner.name} returnTo={button} onClose={() => setSecret(null)} />}
    </Flex>
  );
}
