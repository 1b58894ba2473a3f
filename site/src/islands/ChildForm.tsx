import { useMemo, useState, type FormEvent } from 'react';
import { authed, type FieldError } from './api';
import { ErrorSummary, fieldErrors, formErrors, useHydrated, type Messages } from './Form';
import PersonFields, { withField } from './PersonFields';
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
  const set = (name: string) => (e: { target: { value: string } }) => setValues((v) => withField(v, name, e.target.value));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? '']).filter(([f, v]) => !(f === 'patronymic' && v === '')));
    try {
      await authed('/api/accounts/children', locale, { method: 'POST', json: body });
      setValues({});
      setErrors([]);
      onSaved();
    } catch (error) {
      setErrors(formErrors(error, t['form.failed'], false));
    }
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="form">
      <ErrorSummary title={t['form.errors']} errors={errors} labels={Object.fromEntries(FIELDS.map((f) => [f, t[`field.${f}`]]))} />
      <PersonFields
        t={t}
        errors={byField}
        value={(name) => values[name] ?? ''}
        onChange={set}
        education={educationOptions(t, (value) => value.startsWith('school-'))}
        regions={regions}
        localities={options}
      />
      <p className="muted">{t['cabinet.children.consent']}</p>
      <button type="submit" disabled={!ready}>
        {t['cabinet.children.save']}
      </button>
    </form>
  );
}
