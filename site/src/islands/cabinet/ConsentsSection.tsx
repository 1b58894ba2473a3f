import { authed } from '../api';
import { format } from '../Form';
import type { Consent, SectionProps } from './types';

type Props = Omit<SectionProps, 'errors'> & { consents: Consent[] };

/** The consents given, by the user or for their children, each withdrawable once confirmed. */
export default function ConsentsSection({ locale, t, act, consents }: Props) {
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title">{t['cabinet.consents']}</h2>
      <ul>
        {consents.map((c) => (
          <li key={c.documentId}>
            {c.child
              ? format(t['cabinet.consent.forChild'], { name: c.child.firstName })
              : t[c.kind === 'own' ? 'cabinet.consent.own' : 'cabinet.consent.parental']}
            : {t[`cabinet.consent.status.${c.status}`]}, {format(t['cabinet.consent.version'], { version: c.textVersion })}{' '}
            {c.status !== 'withdrawn' ? (
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  window.confirm(t['cabinet.consent.withdrawConfirm']) &&
                  act(() => authed(`/api/accounts/consents/${c.documentId}/withdraw`, locale, { method: 'POST', json: {} }))
                }
              >
                {t['cabinet.consent.withdraw']}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
