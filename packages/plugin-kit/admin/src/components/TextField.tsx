/**
 * A labelled text input, or text area when `multiline`, showing the server's message for its field
 * beside it (Field.Error ties it to the input for screen readers, and the field says it is invalid).
 */
import type { ChangeEvent, ReactNode, Ref } from 'react';
import { Field, TextInput, Textarea } from '@strapi/design-system';

export type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'tel' | 'date' | 'url' | 'email';
  inputMode?: 'decimal' | 'numeric' | 'text' | 'url' | 'email' | 'tel';
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  readOnly?: boolean;
  autoComplete?: string;
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  textAreaRef?: Ref<HTMLTextAreaElement>;
};

export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  inputMode,
  error,
  hint,
  required,
  multiline,
  maxLength,
  readOnly,
  autoComplete,
  spellCheck,
  inputRef,
  textAreaRef,
}: TextFieldProps) {
  return (
    <Field.Root name={id} id={id} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      {multiline ? (
        <Textarea ref={textAreaRef} value={value} maxLength={maxLength} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />
      ) : (
        <TextInput
          ref={inputRef}
          type={type}
          inputMode={inputMode}
          value={value}
          maxLength={maxLength}
          readOnly={readOnly}
          autoComplete={autoComplete}
          spellCheck={spellCheck}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
      )}
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}
