import { useState } from 'react';
import { authed } from '../api';
import { Field, fieldErrors } from '../Form';
import type { CodeFor, SectionProps } from './types';

type Props = SectionProps & { onCodeSent: (codeFor: CodeFor) => void };

/** A minor's request for a parent's consent, by e-mailed link or by SMS code. */
export default function ParentalSection({ locale, t, act, errors, onCodeSent }: Props) {
  const [parent, setParent] = useState({ via: 'email', value: '' });
  return (
    <section aria-labelledby="parental-title">
      <h2 id="parental-title">{t['cabinet.parental.title']}</h2>
      <p>{t['cabinet.parental.lead']}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const sms = parent.via === 'phone';
          act(
            () => authed('/api/accounts/me/parental-consent', locale, { method: 'POST', json: { [sms ? 'phone' : 'email']: parent.value } }),
            t[sms ? 'cabinet.parental.sentSms' : 'cabinet.parental.sentEmail'],
          ).then((ok) => ok && sms && onCodeSent('parental'));
        }}
      >
        <fieldset>
          <legend>{t['cabinet.parental.title']}</legend>
          <label className="choice">
            <input type="radio" name="via" value="email" checked={parent.via === 'email'} onChange={() => setParent({ via: 'email', value: '' })} />{' '}
            {t['cabinet.parental.byEmail']}
          </label>
          <label className="choice">
            <input type="radio" name="via" value="phone" checked={parent.via === 'phone'} onChange={() => setParent({ via: 'phone', value: '' })} />{' '}
            {t['cabinet.parental.byPhone']}
          </label>
        </fieldset>
        <Field
          name={parent.via}
          label={t[parent.via === 'email' ? 'cabinet.parental.byEmail' : 'cabinet.parental.byPhone']}
          required
          error={fieldErrors(errors)[parent.via]}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name={parent.via}
              type={parent.via === 'email' ? 'email' : 'tel'}
              value={parent.value}
              onChange={(e) => setParent({ ...parent, value: e.target.value })}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <button type="submit">{t['cabinet.parental.send']}</button>
      </form>
    </section>
  );
}
