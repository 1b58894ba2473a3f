/**
 * The form fields the pages repeat: a labelled select and a labelled text input, each showing the
 * server's message for its field beside it (Field.Error ties it to the input for screen readers).
 */
import type { ChangeEvent, ReactNode } from 'react';
import { Field, SingleSelect, SingleSelectOption, TextInput, Textarea } from '@strapi/design-system';

type Option = { value: string; label: string };

type SelectProps = {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  /** The label of the empty choice ("any"), when there is one. */
  any?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
};

export function SelectField({ id, label, value, options, onChange, any, error, hint, required, disabled }: SelectProps) {
  return (
    <Field.Root name={id} id={id} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} onChange={(v) => onChange(String(v))} disabled={disabled}>
        {any !== undefined && <SingleSelectOption value="">{any}</SingleSelectOption>}
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

type TextProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'tel' | 'date';
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  autoComplete?: string;
};

export function TextField({ id, label, value, onChange, type = 'text', error, hint, required, multiline, maxLength, autoComplete }: TextProps) {
  return (
    <Field.Root name={id} id={id} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      {multiline ? (
        <Textarea value={value} maxLength={maxLength} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />
      ) : (
        <TextInput type={type} value={value} maxLength={maxLength} autoComplete={autoComplete} onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
      )}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}
