import { authed, logOut } from '../api';
import type { Messages } from '../Form';
import { clearRunnerData } from '../runner-store';

type Props = { locale: string; t: Messages; homeHref: string };

/** Logging out here, or everywhere (which also clears the test runner's data kept in this browser). */
export default function SessionsSection({ locale, t, homeHref }: Props) {
  return (
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
  );
}
