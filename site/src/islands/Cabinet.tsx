import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { authed, ApiError, logOut, resume, type FieldError } from './api';
import { clearRunnerData } from './runner-store';
import { ErrorSummary, Field, fieldErrors, format, type Messages } from './Form';
import ChildForm from './ChildForm';
import { educationLabel, educationOptions } from './options';
import type { Locality, Place } from './RegisterForm';

type Profile = Record<string, string | number | boolean | null> & {
  firstName: string;
  age: number;
  phoneVerified: boolean;
  deletionRequestedAt: string | null;
  userType: string;
  pendingEmail: string | null;
};
type Consent = {
  documentId: string;
  kind: 'own' | 'parental';
  status: string;
  textVersion: string;
  givenAt: string | null;
  child: { firstName: string } | null;
};
type View = {
  profile: Profile;
  consent: { own: boolean; parentalNeeded: boolean; parental: boolean; servicesAllowed: boolean };
  consents: Consent[];
  children: Array<{ documentId: string; firstName: string; surname: string; age: number }>;
};
type Props = {
  locale: string;
  t: Messages;
  regions: Place[];
  localities: Locality[];
  loginHref: string;
  homeHref: string;
  bookingsHref: string;
  graceDays: number;
};

const EDITABLE = ['surname', 'firstName', 'patronymic', 'gender', 'birthDate', 'education', 'region', 'locality', 'email', 'phone'] as const;

/** The personal cabinet: one island, every action through the cabinet API as the logged-in user. */
export default function Cabinet({ locale, t, regions, localities, loginHref, homeHref, bookingsHref, graceDays }: Props) {
  const [view, setView] = useState<View | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [codeFor, setCodeFor] = useState<'phone' | 'parental' | null>(null);
  const [code, setCode] = useState('');
  const [parent, setParent] = useState({ via: 'email', value: '' });
  const [addingChild, setAddingChild] = useState(false);

  const load = useCallback(async () => setView(await authed<View>('/api/accounts/me', locale)), [locale]);
  useEffect(() => {
    resume(locale).then(
      (ok) => (ok ? load() : setView(null)),
      () => setView(null),
    );
  }, [locale, load]);

  /** Runs an action, then reloads the view; problems go to the summary, a message to the status line. */
  const act = async (fn: () => Promise<unknown>, message = '') => {
    setErrors([]);
    setNotice('');
    try {
      await fn();
      await load();
      setNotice(message);
      return true;
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fields.length
          ? error.fields
          : [{ path: ['form'], message: error instanceof ApiError ? error.message : t['form.failed'] }],
      );
      return false;
    }
  };

  if (view === undefined) return <p role="status">{t['cabinet.loading']}</p>;
  if (view === null)
    return (
      <p className="notice">
        {t['cabinet.loggedOut']} <a href={loginHref}>{t['login.title']}</a>
      </p>
    );
  const { profile, consent } = view;
  const labels = Object.fromEntries([...EDITABLE, 'currentPassword', 'code'].map((f) => [f, t[`field.${f}`]]));

  const saveProfile = (e: FormEvent) => {
    e.preventDefault();
    // A new address waits for the link sent to it: say so, rather than "saved".
    const newEmail = draft.email !== undefined && draft.email.trim().toLowerCase() !== String(profile.email).toLowerCase();
    act(() => authed('/api/accounts/me', locale, { method: 'PUT', json: draft }), t[newEmail ? 'cabinet.email.sent' : 'cabinet.saved']).then(
      (ok) => ok && setEditing(false),
    );
  };
  const shown = (f: string): string => {
    const v = String(profile[f] ?? '');
    if (f === 'gender') return t[`field.gender.${v}`] ?? v;
    if (f === 'region') return regions.find((r) => r.code === v)?.name ?? v;
    if (f === 'locality') return localities.find((l) => l.key === v)?.name ?? v;
    if (f === 'education') return educationLabel(t, v);
    return v;
  };
  const value = (f: string) => draft[f] ?? String(profile[f] ?? '');
  const change = (f: string) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [f]: e.target.value, ...(f === 'region' ? { locality: '' } : {}) }));
  const text = (f: string, type = 'text', hint?: string) => (
    <Field key={f} name={f} label={t[`field.${f}`]} hint={hint} error={fieldErrors(errors)[f]} required={f !== 'patronymic'} optionalText={t['form.optional']}>
      {({ id, describedBy, invalid }) => (
        <input id={id} name={f} type={type} value={value(f)} onChange={change(f)} aria-invalid={invalid || undefined} aria-describedby={describedBy} />
      )}
    </Field>
  );
  const select = (f: string, options: Array<[string, string]>) => (
    <Field key={f} name={f} label={t[`field.${f}`]} error={fieldErrors(errors)[f]} required>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={f} value={value(f)} onChange={change(f)} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
          <option value="">{t['form.choose']}</option>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const download = async () => {
    const data = await authed<unknown>('/api/accounts/me/export', locale);
    const link = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })),
      download: 'qabilet-my-data.json',
    });
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const services = consent.servicesAllowed
    ? 'cabinet.services.allowed'
    : consent.parentalNeeded && !consent.parental
      ? 'cabinet.services.parental'
      : 'cabinet.services.blocked';

  return (
    <div className="cabinet">
      <p role="status" aria-live="polite" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>
      <ErrorSummary title={t['form.errors']} errors={errors} labels={labels} />
      <p className="notice">{t[services]}</p>
      <ul className="inline-list">
        <li>
          <a href={bookingsHref}>{t['booking.mine.link']}</a>
        </li>
        {/* The tests and the results live beside the bookings, under the same account path. */}
        <li>
          <a href={bookingsHref.replace(/bookings\/$/, 'tests/')}>{t['test.list.link']}</a>
        </li>
        <li>
          <a href={bookingsHref.replace(/bookings\/$/, 'results/')}>{t['results.link']}</a>
        </li>
      </ul>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t['cabinet.profile']}</h2>
        {!editing ? (
          <>
            <dl className="details-list">
              {EDITABLE.map((f) =>
                profile[f] ? (
                  <div key={f}>
                    <dt>{t[`field.${f}`]}</dt>
                    <dd>{shown(f)}</dd>
                  </div>
                ) : null,
              )}
              {profile.pendingEmail ? (
                <div>
                  <dt>{t['cabinet.email.pending']}</dt>
                  <dd>
                    {profile.pendingEmail} <span className="muted">({t['cabinet.email.pendingNote']})</span>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t['cabinet.age']}</dt>
                <dd>{profile.age}</dd>
              </div>
              <div>
                <dt>{t['field.phone']}</dt>
                <dd>{profile.phoneVerified ? t['cabinet.phone.verified'] : t['cabinet.phone.unverified']}</dd>
              </div>
            </dl>
            <button
              type="button"
              onClick={() => {
                setDraft({});
                setEditing(true);
              }}
            >
              {t['cabinet.edit']}
            </button>
            {!profile.phoneVerified ? (
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  act(() => authed('/api/accounts/me/phone/code', locale, { method: 'POST', json: {} }), t['cabinet.phone.sent']).then(
                    (ok) => ok && setCodeFor('phone'),
                  )
                }
              >
                {t['cabinet.phone.send']}
              </button>
            ) : null}
          </>
        ) : (
          <form onSubmit={saveProfile} noValidate className="form">
            {(['surname', 'firstName', 'patronymic'] as const).map((f) => text(f))}
            {select('gender', [
              ['female', t['field.gender.female']],
              ['male', t['field.gender.male']],
            ])}
            {text('birthDate', 'date')}
            {select('education', educationOptions(t))}
            {select(
              'region',
              regions.map((r) => [r.code, r.name]),
            )}
            {select(
              'locality',
              localities.filter((l) => l.region === (draft.region ?? profile.region)).map((l) => [l.key, l.name]),
            )}
            {text('email', 'email', t['cabinet.email.hint'])}
            {text('phone', 'tel')}
            <Field
              name="currentPassword"
              label={t['field.currentPassword']}
              hint={t['cabinet.contactNeedsPassword']}
              error={fieldErrors(errors).currentPassword}
              optionalText={t['form.optional']}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="currentPassword"
                  type="password"
                  autoComplete="current-password"
                  onChange={(e) => setDraft((d) => ({ ...d, currentPassword: e.target.value }))}
                  aria-invalid={invalid || undefined}
                  aria-describedby={describedBy}
                />
              )}
            </Field>
            <button type="submit">{t['cabinet.save']}</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              {t['cabinet.cancel']}
            </button>
          </form>
        )}
        {codeFor ? (
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              act(() =>
                authed(codeFor === 'phone' ? '/api/accounts/me/phone/verify' : '/api/accounts/me/parental-consent/code', locale, {
                  method: 'POST',
                  json: { code },
                }),
              ).then((ok) => ok && setCodeFor(null));
            }}
          >
            <Field name="code" label={t['field.code']} required>
              {({ id }) => (
                <input id={id} name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value.trim())} />
              )}
            </Field>
            <button type="submit">{codeFor === 'phone' ? t['cabinet.phone.verify'] : t['cabinet.parental.confirm']}</button>
          </form>
        ) : null}
      </section>

      {consent.parentalNeeded && !consent.parental ? (
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
              ).then((ok) => ok && sms && setCodeFor('parental'));
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
      ) : null}

      {profile.userType === 'parent' ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t['cabinet.children']}</h2>
          {view.children.length === 0 ? (
            <p>{t['cabinet.children.none']}</p>
          ) : (
            <ul>
              {view.children.map((c) => (
                <li key={c.documentId}>
                  {c.firstName} {c.surname}, {c.age}{' '}
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => act(() => authed(`/api/accounts/children/${c.documentId}`, locale, { method: 'DELETE' }))}
                  >
                    {format(t['cabinet.children.remove'], { name: c.firstName })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {addingChild ? (
            <ChildForm
              locale={locale}
              t={t}
              regions={regions}
              localities={localities}
              onSaved={() => {
                setAddingChild(false);
                load();
                setNotice(t['cabinet.saved']);
              }}
            />
          ) : (
            <button type="button" onClick={() => setAddingChild(true)}>
              {t['cabinet.children.add']}
            </button>
          )}
        </section>
      ) : null}

      <section aria-labelledby="consents-title">
        <h2 id="consents-title">{t['cabinet.consents']}</h2>
        <ul>
          {view.consents.map((c) => (
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

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t['cabinet.data']}</h2>
        <button type="button" onClick={download}>
          {t['cabinet.data.download']}
        </button>
        <h3>{t['cabinet.delete']}</h3>
        <p>{format(t['cabinet.delete.lead'], { days: graceDays })}</p>
        {profile.deletionRequestedAt ? (
          <p>
            {format(t['cabinet.delete.requested'], { date: new Date(String(profile.deletionRequestedAt)).toLocaleDateString(locale) })}{' '}
            <button type="button" onClick={() => act(() => authed('/api/accounts/me/deletion', locale, { method: 'DELETE' }))}>
              {t['cabinet.delete.cancel']}
            </button>
          </p>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => window.confirm(t['cabinet.delete.confirm']) && act(() => authed('/api/accounts/me/deletion', locale, { method: 'POST', json: {} }))}
          >
            {t['cabinet.delete']}
          </button>
        )}
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t['cabinet.sessions']}</h2>
        <button type="button" onClick={() => logOut(locale).then(() => window.location.assign(homeHref))}>
          {t['cabinet.logout']}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            authed('/api/accounts/me/logout-everywhere', locale, { method: 'POST', json: {} }).then(() => {
              clearRunnerData();
              window.location.assign(homeHref);
            })
          }
        >
          {t['cabinet.logoutEverywhere']}
        </button>
      </section>
    </div>
  );
}
