/**
 * The form fields the pages repeat: a labelled select and a labelled text area, each showing the
 * server's message for its field beside it (Field.Error ties it to the input for screen readers).
 */
import type { ChangeEvent, ReactNode, Ref } from 'react';
import { Field, SingleSelect, SingleSelectOption, Textarea } from '@strapi/design-system';

type Option = { value: string; label: string };

type SelectProps = {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
};

export function SelectField({ id, label, value, options, onChange, error, hint }: SelectProps) {
  return (
    <Field.Root name={id} id={id} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect value={value} onChange={(v) => onChange(String(v))}>
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

type TextAreaProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  maxLength?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
};

export function TextAreaField({ id, label, value, onChange, error, hint, required, maxLength, inputRef }: TextAreaProps) {
  return (
    <Field.Root name={id} id={id} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <Textarea ref={inputRef} value={value} maxLength={maxLength} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}
