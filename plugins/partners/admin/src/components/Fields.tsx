/**
 * The partners' form fields: the kit's text field as these forms want it, and a group of fields
 * under its legend.
 */
import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { TextField as KitTextField, type TextFieldProps } from '@qabilet/plugin-kit/admin';

/** Partners' fields hold addresses, ids, keys and column names: no autocomplete, no spelling marks. */
export const TextField = (props: Omit<TextFieldProps, 'autoComplete' | 'spellCheck'>) => <KitTextField autoComplete="off" spellCheck={false} {...props} />;

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
