import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { interpolate } from '@qabilet/domain';
import type { FieldError } from './api';

export type Messages = Record<string, string>;
export const format = (text: string | undefined, values: Record<string, string | number> = {}) => interpolate(text ?? '', values);

/** A labelled control with its hint and error tied to it for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  optionalText?: string;
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}) {
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

/** False in the static HTML, true once React runs: submit buttons stay disabled until then. */
export function useHydrated(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return ready;
}
