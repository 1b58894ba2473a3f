/**
 * A partner's new secret (the callback's signing key, or the desktop program's API key), shown this
 * once: Qabilet keeps it only encrypted and never shows it again. The dialog takes focus, offers to
 * copy the secret, and gives focus back where it was asked for (or to `returnTo`) when it closes.
 */
import { useRef, useState, type RefObject } from 'react';
import { Button, Dialog, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Duplicate, WarningCircle } from '@strapi/icons';
import type { PartnerKind } from '../api';
import { useT } from '../utils/translations';

type Props = { secret: string; kind: PartnerKind; partnerName: string; onClose: () => void; returnTo?: RefObject<HTMLElement | null> };

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without the clipboard API (an address that is not secure), the selected text is copied.
    input?.select();
    return document.execCommand?.('copy') ?? false;
  }
}

export function SecretDialog({ secret, kind, partnerName, onClose, returnTo }: Props) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Content
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          input.current?.focus();
          input.current?.select();
        }}
        onCloseAutoFocus={(event) => {
          if (!returnTo?.current) return;
          event.preventDefault();
          returnTo.current.focus();
        }}
      >
        <Dialog.Header>{t('secret.title', { name: partnerName })}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="warning600" aria-hidden focusable={false} />}>
          <Flex direction="column" alignItems="stretch" gap={4} width="100%">
            <Dialog.Description fontWeight="bold">{t('secret.warning')}</Dialog.Description>
            <Typography>{t(kind === 'desktop' ? 'secret.use.desktop' : 'secret.use.callback')}</Typography>
            <Field.Root name="secret" id="partners-secret" hint={t('secret.hint')}>
              <Field.Label>{t(kind === 'desktop' ? 'secret.label.desktop' : 'secret.label.callback')}</Field.Label>
              <TextInput ref={input} value={secret} readOnly spellCheck={false} autoComplete="off" style={{ fontFamily: 'monospace' }} />
              <Field.Hint />
            </Field.Root>
            <Flex gap={2} alignItems="center" wrap="wrap">
              <Button
                type="button"
                variant="secondary"
                startIcon={<Duplicate />}
                onClick={async () => setCopied((await copyText(secret, input.current)) ? 'yes' : 'no')}
              >
                {t('secret.copy')}
              </Button>
              <Typography role="status" variant="pi" textColor={copied === 'no' ? 'danger600' : 'neutral800'}>
                {copied === 'yes' ? t('secret.copied') : copied === 'no' ? t('secret.copyFailed') : ''}
              </Typography>
            </Flex>
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Action>
            <Button type="button" fullWidth onClick={onClose}>
              {t('secret.done')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}
