import { authed } from '../api';
import { Field, type Messages } from '../Form';
import type { Act, CodeFor } from './types';

type Props = {
  locale: string;
  t: Messages;
  act: Act;
  codeFor: Exclude<CodeFor, null>;
  code: string;
  setCode: (code: string) => void;
  onDone: () => void;
};

/** Confirms the user's phone, or the parent's consent sent by SMS, with the code received. */
export default function CodeForm({ locale, t, act, codeFor, code, setCode, onDone }: Props) {
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        act(() =>
          authed(codeFor === 'phone' ? '/api/accounts/me/phone/verify' : '/api/accounts/me/parental-consent/code', locale, {
            method: 'POST',
            json: { code },
          }),
        ).then((ok) => ok && onDone());
      }}
    >
      <Field name="code" label={t['field.code']} required>
        {({ id }) => (
          <input id={id} name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value.trim())} />
        )}
      </Field>
      <button type="submit">{codeFor === 'phone' ? t['cabinet.phone.verify'] : t['cabinet.parental.confirm']}</button>
    </form>
  );
}
