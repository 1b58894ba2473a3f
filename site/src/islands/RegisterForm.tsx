import { useMemo, useState, type FormEvent } from 'react';
import { api, type FieldError } from './api';
import { ErrorSummary, fieldErrors, format, formErrors, InputField, SelectField, useHydrated, type Messages } from './Form';
import { withField } from './PersonFields';
import { educationOptions } from './options';

export type Place = { code: string; name: string };
export type Locality = { key: string; name: string; region: string };
type Props = {
  locale: string;
  t: Messages;
  regions: Place[];
  localities: Locality[];
  consent: { title: string; body: string; version: string };
  loginHref: string;
};

const FIELDS = [
  'surname',
  'firstName',
  'patronymic',
  'gender',
  'birthDate',
  'userType',
  'education',
  'region',
  'locality',
  'email',
  'phone',
  'password',
] as const;

/** Registration (R-AUTH-1): the server checks every field; its messages appear beside each one. */
export default function RegisterForm({ locale, t, regions, localities, consent, loginHref }: Props) {
  const ready = useHydrated();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const byField = fieldErrors(errors);
  const regionLocalities = useMemo(() => localities.filter((l) => l.region === values.region), [localities, values.region]);
  const labels = Object.fromEntries([...FIELDS.map((f) => [f, t[`field.${f}`]]), ['consent', t['register.consent.show']]]);
  const set = (name: string) => (e: { target: { value: string } }) => setValues((v) => withField(v, name, e.target.value));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!accepted) return setErrors([{ path: ['consent'], message: t['register.consent.required'] }]);
    setBusy(true);
    const body = Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? '']).filter(([f, v]) => !(f === 'patronymic' && v === '')));
    try {
      await api.post('/api/auth/local/register', body, locale);
      setDone(String(values.email));
    } catch (error) {
      setErrors(formErrors(error, t['form.failed']));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div role="status" className="notice">
        <h2>{t['register.done.title']}</h2>
        <p>{format(t['register.done.text'], { email: done })}</p>
        <p>
          <a href={loginHref}>{t['login.title']}</a>
        </p>
      </div>
    );
  }

  const text = (name: (typeof FIELDS)[number], type = 'text', extra: Record<string, string> = {}) => (
    <InputField
      name={name}
      label={t[`field.${name}`]}
      error={byField[name]}
      required={name !== 'patronymic'}
      optionalText={t['form.optional']}
      hint={extra.hint}
      input={{ type, value: values[name] ?? '', onChange: set(name), required: name !== 'patronymic', autoComplete: extra.autoComplete }}
    />
  );
  const radios = (name: 'gender' | 'userType', options: string[]) => (
    <fieldset className={`field${byField[name] ? ' field-invalid' : ''}`} aria-describedby={byField[name] ? `${name}-error` : undefined}>
      <legend>{t[`field.${name}`]}</legend>
      {byField[name] ? (
        <p className="error" id={`${name}-error`}>
          {byField[name]}
        </p>
      ) : null}
      {options.map((o) => (
        <label key={o} className="choice">
          <input type="radio" name={name} value={o} checked={values[name] === o} onChange={set(name)} required /> {t[`field.${name}.${o}`]}
        </label>
      ))}
    </fieldset>
  );
  const select = (name: 'education' | 'region' | 'locality', options: Array<[string, string]>, disabledText?: string) => (
    <SelectField
      name={name}
      label={t[`field.${name}`]}
      error={byField[name]}
      required
      hint={disabledText}
      choose={t['form.choose']}
      options={options}
      select={{ value: values[name] ?? '', onChange: set(name), required: true }}
    />
  );

  return (
    <form method="post" onSubmit={submit} noValidate className="form">
      <ErrorSummary title={t['form.errors']} errors={errors} labels={labels} />
      {text('surname', 'text', { autoComplete: 'family-name' })}
      {text('firstName', 'text', { autoComplete: 'given-name' })}
      {text('patronymic', 'text', { autoComplete: 'additional-name' })}
      {radios('gender', ['female', 'male'])}
      {text('birthDate', 'date', { autoComplete: 'bday' })}
      {radios('userType', ['pupil', 'student', 'parent'])}
      {select('education', educationOptions(t))}
      {select(
        'region',
        regions.map((r) => [r.code, r.name]),
      )}
      {select(
        'locality',
        regionLocalities.map((l) => [l.key, l.name]),
        values.region ? undefined : t['field.locality.first'],
      )}
      {text('email', 'email', { autoComplete: 'email' })}
      {text('phone', 'tel', { autoComplete: 'tel', hint: t['field.phone.hint'] })}
      {text('password', 'password', { autoComplete: 'new-password', hint: t['field.password.hint'] })}
      <details className="consent-text">
        <summary>{t['register.consent.show']}</summary>
        <h2>{consent.title}</h2>
        {consent.body.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </details>
      <div className={`field${byField.consent ? ' field-invalid' : ''}`}>
        {byField.consent ? (
          <p className="error" id="consent-error">
            {byField.consent}
          </p>
        ) : null}
        <label className="choice">
          <input
            type="checkbox"
            name="consent"
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
            aria-describedby={byField.consent ? 'consent-error' : undefined}
          />{' '}
          {t['register.consent.accept']}
        </label>
      </div>
      <button type="submit" disabled={busy || !ready}>
        {busy ? t['form.sending'] : t['register.submit']}
      </button>
      <p>
        <a href={loginHref}>{t['register.haveAccount']}</a>
      </p>
    </form>
  );
}
