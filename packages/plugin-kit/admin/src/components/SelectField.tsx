/**
 * A labelled select showing the server's message for its field beside it (Field.Error ties it to
 * the input for screen readers).
 */
import type { ReactNode } from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

export type Option = { value: string; label: string };

type Props = {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  /** The label of the empty choice ("any"), when there is one. */
  any?: string;
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
};

export function SelectField({ id, label, value, options, onChange, any, placeholder, error, hint, required, disabled }: Props) {
  return (
    <Field.Root name={id} id={id} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} placeholder={placeholder} disabled={disabled} onChange={(v) => onChange(String(v))}>
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
