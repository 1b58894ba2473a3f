/**
 * The form fields the pages repeat: a labelled text input (or text area) and a labelled select, each
 * showing the server's message for its field beside it (Field.Error ties it to the input for screen
 * readers, and the field says it is invalid), and a group of fields under its legend.
 */
import type { ChangeEvent, ReactNode, Ref } from 'react';
import { Box, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';

type Option = { value: string; label: string };

type TextProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'url' | 'email' | 'tel';
  inputMode?: 'decimal' | 'numeric' | 'text' | 'url' | 'email' | 'tel';
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
};

export function TextField({ id, label, value, onChange, type = 'text', inputMode, error, hint, required, multiline, maxLength, readOnly, inputRef }: TextProps) {
  return (
    <Field.Root name={id} id={id} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      {multiline ? (
        <Textarea value={value} maxLength={maxLength} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />
      ) : (
        <TextInput
          ref={inputRef}
          type={type}
          inputMode={inputMode}
          value={value}
          maxLength={maxLength}
          readOnly={readOnly}
          autoComplete="off"
          spellCheck={false}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
      )}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

type SelectProps = {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
};

export function SelectField({ id, label, value, options, onChange, placeholder, error, hint, required, disabled }: SelectProps) {
  return (
    <Field.Root name={id} id={id} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} placeholder={placeholder} disabled={disabled} onChange={(v) => onChange(String(v))}>
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
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
