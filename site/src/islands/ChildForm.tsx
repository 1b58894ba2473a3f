import { useMemo, useState, type FormEvent } from 'react';
import { authed, ApiError, type FieldError } from './api';
import { ErrorSummary, Field, fieldErrors, useHydrated, type Messages } from './Form';
import type { Locality, Place } from './RegisterForm';
import { educationOptions } from './options';

const FIELDS = ['surname', 'firstName', 'patronymic', 'gender', 'birthDate', 'education', 'region', 'locality'] as const;

/** A parent adds a child's profile; the server records the parent's consent with it. */
export default function ChildForm({
  locale,
  t,
  regions,
  localities,
  onSaved,
}: {
  locale: string;
  t: Messages;
  regions: Place[];
  localities: Locality[];
  onSaved: () => void;
}) {
  const ready = useHydrated();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const byField = fieldErrors(errors);
  const options = useMemo(() => localities.filter((l) => l.region === values.region), [localities, values.region]);
  const set = (name: string) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value, ...(name === 'region' ? { locality: '' } : {}) }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? '']).filter(([f, v]) => !(f === 'patronymic' && v === '')));
    try {
      await authed('/api/accounts/children', locale, { method: 'POST', json: body });
      setValues({});
      setErrors([]);
      onSaved();
    } catch (error) {
      setErrors(error instanceof ApiError && error.fields.length ? error.fields : [{ path: ['form'], message: t['form.failed'] }]);
    }
  }

  const input = (name: string, type = 'text') => (
    <Field name={name} label={t[`field.${name}`]} error={byField[name]} required={name !== 'patronymic'} optionalText={t['form.optional']}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type={type}
          value={values[name] ?? ''}
          onChange={set(name)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
  const select = (name: string, list: Array<[string, string]>) => (
    <Field name={name} label={t[`field.${name}`]} error={byField[name]} required>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={name} value={values[name] ?? ''} onChange={set(name)} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
          <option value="">{t['form.choose']}</option>
          {list.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form method="post" onSubmit={submit} noValidate className="form">
      <ErrorSummary title={t['form.errors']} errors={errors} labels={Object.fromEntries(FIELDS.map((f) => [f, t[`field.${f}`]]))} />
      {input('surname')}
      {input('firstName')}
      {input('patronymic')}
      {select('gender', [
        ['female', t['field.gender.female']],
        ['male', t['field.gender.male']],
      ])}
      {input('birthDate', 'date')}
      {select(
        'education',
        educationOptions(t, (value) => value.startsWith('school-')),
      )}
      {select(
        'region',
        regions.map((r) => [r.code, r.name]),
      )}
      {select(
        'locality',
        options.map((l) => [l.key, l.name]),
      )}
      <p className="muted">{t['cabinet.children.consent']}</p>
      <button type="submit" disabled={!ready}>
        {t['cabinet.children.save']}
      </button>
    </form>
  );
}
