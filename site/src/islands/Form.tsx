import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { interpolate } from '@qabilet/domain';
import { ApiError, type FieldError } from './api';

export type Messages = Record<string, string>;
export const format = (text: string | undefined, values: Record<string, string | number> = {}) => interpolate(text ?? '', values);

type FieldProps = { name: string; label: string; error?: string; hint?: string; required?: boolean; optionalText?: string };

/** A labelled control with its hint and error tied to it for screen readers. */
export function Field(props: FieldProps & { children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode }) {
  const id = `f-${props.name}-${useId().replace(/:/g, '')}`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {!props.required && props.optionalText ? <span className="muted"> ({props.optionalText})</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.children({ id, describedBy, invalid: Boolean(props.error) })}
    </div>
  );
}

/** An input in its Field; `input` holds what differs from form to form (type, value, autoComplete, required…). */
export function InputField({ input, ...field }: FieldProps & { input: InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <Field {...field}>
      {({ id, describedBy, invalid }) => <input id={id} name={field.name} {...input} aria-invalid={invalid || undefined} aria-describedby={describedBy} />}
    </Field>
  );
}

/** A list to choose from in its Field, the "choose…" line first; `options` are [value, label]. */
export function SelectField({
  select,
  options,
  choose,
  ...field
}: FieldProps & { choose: string; options: Array<[string, string]>; select: SelectHTMLAttributes<HTMLSelectElement> }) {
  return (
    <Field {...field}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={field.name} {...select} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
          <option value="">{choose}</option>
          {options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The list of problems at the top of a form: announced, focused, each linking to its field. */
export function ErrorSummary({ title, errors, labels }: { title: string; errors: FieldError[]; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves to the summary once per submission, not on every keystroke after it.
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{title}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {labels[e.path[0]] ? (
              <a
                href={`#${e.path[0]}`}
                onClick={(ev) => {
                  ev.preventDefault();
                  (document.querySelector(`[name="${e.path[0]}"]`) as HTMLElement | null)?.focus();
                }}
              >
                {labels[e.path[0]]}
              </a>
            ) : null}
            {labels[e.path[0]] ? ': ' : ''}
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldErrors = (errors: FieldError[]) => Object.fromEntries(errors.map((e) => [e.path[0], e.message]));

/**
 * What a failed submission shows: the server's problems field by field, else one line for the whole
 * form (the server's own message, or `failed` when it sent none or `own` is false).
 */
export function formErrors(error: unknown, failed: string, own = true): FieldError[] {
  if (error instanceof ApiError && error.fields.length) return error.fields;
  return [{ path: ['form'], message: own && error instanceof ApiError ? error.message : failed }];
}

/** False in the static HTML, true once React runs: submit buttons stay disabled until then. */
export function useHydrated(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return ready;
}
