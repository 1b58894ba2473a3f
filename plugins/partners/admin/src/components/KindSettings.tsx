/**
 * The settings of a partner's kind: an LTI tool's addresses and what personal data it may receive
 * (nothing unless ticked), and a desktop database's centre and column mapping.
 */
import { Box, Checkbox, Flex, Grid, Typography } from '@strapi/design-system';
import { SelectField } from '@qabilet/plugin-kit/admin';
import type { Centre } from '../api';
import type { PartnerDraft } from '../utils/draft';
import { errorUnder, fieldId, type FieldErrors } from '../utils/fieldErrors';
import { useT } from '../utils/translations';
import { ColumnsFields } from './ColumnsFields';
import { FieldGroup, PartnerField } from './Fields';

type Props = { prefix: string; draft: PartnerDraft; onChange: (draft: PartnerDraft) => void; errors: FieldErrors; centres: Centre[] };

export function KindSettings(props: Props) {
  const { draft } = props;
  if (draft.kind === 'lti')
    return (
      <Flex direction="column" alignItems="stretch" gap={6}>
        <LtiSettings {...props} />
        <ShareSettings {...props} />
      </Flex>
    );
  if (draft.kind === 'callback') return <CallbackShareNote {...props} />;
  return <DesktopSettings {...props} />;
}

function LtiSettings(props: Props) {
  const { prefix, errors } = props;
  const t = useT();
  const url = (key: 'loginUrl' | 'launchUrl' | 'jwksUrl') => <PartnerField form={props} name={key} type="url" inputMode="url" required maxLength={500} />;
  return (
    <FieldGroup id={fieldId(prefix, 'config')} legend={t('lti.legend')} hint={t('lti.hint')} error={errors.config} boxed>
      <Grid.Root gap={4}>
        {url('loginUrl')}
        {url('launchUrl')}
        {url('jwksUrl')}
        <PartnerField form={props} name="redirectUris" multiline maxLength={5000} />
      </Grid.Root>
    </FieldGroup>
  );
}

function ShareSettings({ prefix, draft, onChange, errors }: Props) {
  const t = useT();
  const error = errorUnder(errors, 'config.share');
  const box = (key: 'name' | 'email') => (
    <Checkbox
      id={fieldId(prefix, `config.share.${key}`)}
      checked={draft.share[key]}
      onCheckedChange={(on) => onChange({ ...draft, share: { ...draft.share, [key]: on === true } })}
    >
      {t(`share.${key}`)}
    </Checkbox>
  );
  return (
    <FieldGroup id={fieldId(prefix, 'config.share')} legend={t('share.legend')} hint={t('share.hint')} error={error} boxed>
      <Flex direction="column" alignItems="flex-start" gap={2}>
        {box('name')}
        {box('email')}
      </Flex>
      <Typography variant="pi" textColor="neutral600" aria-live="polite">
        {draft.share.name || draft.share.email ? t('share.some') : t('share.none')}
      </Typography>
    </FieldGroup>
  );
}

/**
 * A signed redirect carries its token in an address, which must hold no personal data: such a
 * partner receives none (the server refuses a share), and knows the person by a pseudonym alone.
 */
function CallbackShareNote({ prefix, errors }: Props) {
  const t = useT();
  const error = errorUnder(errors, 'config.share') ?? errors.config;
  return (
    <Box id={fieldId(prefix, 'config.share')} tabIndex={-1} padding={4} background="neutral100" hasRadius>
      <Typography tag="h3" variant="delta">
        {t('share.legend')}
      </Typography>
      <Typography tag="p">{t('share.callback')}</Typography>
      {error && (
        <Typography tag="p" textColor="danger600">
          {error}
        </Typography>
      )}
    </Box>
  );
}

function DesktopSettings({ prefix, draft, onChange, errors, centres }: Props) {
  const t = useT();
  const known = centres.some((c) => c.slug === draft.centre);
  // A centre the catalogue no longer lists (or not yet loaded) is still shown by its slug.
  const options = [
    ...centres.map((c) => ({ value: c.slug, label: c.name })),
    ...(draft.centre && !known ? [{ value: draft.centre, label: draft.centre }] : []),
  ];
  return (
    <FieldGroup id={fieldId(prefix, 'config')} legend={t('desktop.legend')} hint={t('desktop.hint')} error={errors.config} boxed>
      <SelectField
        id={fieldId(prefix, 'config.centre')}
        label={t('field.centre')}
        hint={t('field.centre.hint')}
        placeholder={t('field.centre.choose')}
        required
        value={draft.centre}
        options={options}
        onChange={(centre) => onChange({ ...draft, centre })}
        error={errorUnder(errors, 'config.centre')}
      />
      <ColumnsFields prefix={prefix} path="config.columns" columns={draft.columns} onChange={(columns) => onChange({ ...draft, columns })} errors={errors} />
    </FieldGroup>
  );
}
