import { useState, type FormEvent } from 'react';
import { api, type FieldError } from './api';
import { ErrorSummary, fieldErrors, formErrors, InputField, useHydrated, type Messages } from './Form';

export default function ForgotForm({ locale, t }: { locale: string; t: Messages }) {
  const ready = useHydrated();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sent, setSent] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await api.post<{ message: string }>('/api/auth/forgot-password', { email }, locale);
      setSent(result.message);
    } catch (error) {
      setErrors(formErrors(error, t['form.failed']));
    }
  }

  if (sent)
    return (
      <p role="status" className="notice">
        {sent}
      </p>
    );
  return (
    <form method="post" onSubmit={submit} noValidate className="form">
      <ErrorSummary title={t['form.errors']} errors={errors} labels={{ email: t['field.email'] }} />
      <InputField
        name="email"
        label={t['field.email']}
        required
        error={fieldErrors(errors).email}
        input={{ type: 'email', autoComplete: 'email', required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
      />
      <button type="submit" disabled={!ready}>
        {t['forgot.submit']}
      </button>
    </form>
  );
}
