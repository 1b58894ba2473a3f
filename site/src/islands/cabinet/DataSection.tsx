import { authed } from '../api';
import { format } from '../Form';
import type { Profile, SectionProps } from './types';

type Props = Omit<SectionProps, 'errors'> & { profile: Profile; graceDays: number };

/** Saves the user's data as a JSON file. */
async function download(locale: string) {
  const data = await authed<unknown>('/api/accounts/me/export', locale);
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })),
    download: 'qabilet-my-data.json',
  });
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The user's data: its export, and the account's deletion after the grace period (or its cancellation). */
export default function DataSection({ locale, t, act, profile, graceDays }: Props) {
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t['cabinet.data']}</h2>
      <button type="button" onClick={() => download(locale)}>
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
  );
}
