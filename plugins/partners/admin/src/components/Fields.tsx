/**
 * The partners' form fields: the kit's text field as these forms want it, one of a partner's own
 * texts bound to the form's draft, and a group of fields under its legend.
 */
import type { ReactNode } from 'react';
import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { TextField as KitTextField, type TextFieldProps } from '@qabilet/plugin-kit/admin';
import type { PartnerDraft } from '../utils/draft';
import { errorUnder, fieldId, type FieldErrors } from '../utils/fieldErrors';
import { useT } from '../utils/translations';

/** Partners' fields hold addresses, ids, keys and column names: no autocomplete, no spelling marks. */
export const TextField = (props: Omit<TextFieldProps, 'autoComplete' | 'spellCheck'>) => <KitTextField autoComplete="off" spellCheck={false} {...props} />;

/** A partner's form as its fields see it: their ids' prefix, the server's messages, and the draft they change. */
export type DraftForm = { prefix: string; errors: FieldErrors; draft: PartnerDraft; onChange: (draft: PartnerDraft) => void };

type DraftText = 'name' | 'loginUrl' | 'launchUrl' | 'jwksUrl' | 'redirectUris';

/** Where the server names each of the draft's texts when it refuses one. */
const PATHS: Record<DraftText, string> = {
  name: 'name',
  loginUrl: 'config.loginUrl',
  launchUrl: 'config.launchUrl',
  jwksUrl: 'config.jwksUrl',
  redirectUris: 'config.redirectUris',
};

type PartnerFieldProps = Omit<TextFieldProps, 'id' | 'label' | 'hint' | 'error' | 'value' | 'onChange' | 'autoComplete' | 'spellCheck'> & {
  form: DraftForm;
  /** The draft's text it edits; its words are the messages `field.<name>` and `field.<name>.hint`. */
  name: DraftText;
};

/** One of the draft's texts, in half a row of the form's grid (a whole one on a narrow screen). */
export function PartnerField({ form: { prefix, errors, draft, onChange }, name, ...field }: PartnerFieldProps) {
  const t = useT();
  const path = PATHS[name];
  return (
    <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
      <TextField
        {...field}
        id={fieldId(prefix, path)}
        label={t(`field.${name}`)}
        hint={t(`field.${name}.hint`)}
        value={draft[name]}
        onChange={(value) => onChange({ ...draft, [name]: value })}
        error={errorUnder(errors, path)}
      />
    </Grid.Item>
  );
}

type GroupProps = { id: string; legend: string; hint?: string; error?: string; children: ReactNode; boxed?: boolean };

/**
 * Fields that belong together, under a legend a screen reader reads with each of them; the
 * server's message for the group as a whole (an empty list) is read with it too.
 */
export function FieldGroup({ id, legend, hint, error, children, boxed = false }: GroupProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Box
      tag="fieldset"
      id={id}
      aria-describedby={described}
      margin={0}
      padding={boxed ? 4 : 0}
      borderWidth={boxed ? '1px' : 0}
      borderStyle={boxed ? 'solid' : undefined}
      borderColor={error ? 'danger600' : 'neutral200'}
      hasRadius={boxed}
      minWidth={0}
    >
      <Typography tag="legend" variant="delta" fontWeight="bold" textColor="neutral800">
        {legend}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={4} paddingTop={2}>
        {hint && (
          <Typography id={`${id}-hint`} variant="pi" textColor="neutral600">
            {hint}
          </Typography>
        )}
        {error && (
          <Typography id={`${id}-error`} variant="pi" textColor="danger600" fontWeight="bold">
            {error}
          </Typography>
        )}
        {children}
      </Flex>
    </Box>
  );
}
