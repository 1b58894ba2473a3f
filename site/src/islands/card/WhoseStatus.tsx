/** What a page of the person's own records shows until its view is there: the log-in link, a retry after a failure, or that it is loading. */
import type { Messages } from '../Form';

type Props = { t: Messages; page: 'card' | 'progress'; loginHref: string; loggedOut: boolean; failed: boolean; retry: () => void };

export default function WhoseStatus({ t, page, loginHref, loggedOut, failed, retry }: Props) {
  if (loggedOut)
    return (
      <p className="notice">
        {t[`${page}.loggedOut`]} <a href={loginHref}>{t['test.login']}</a>
      </p>
    );
  if (failed)
    return (
      <p className="notice" role="alert">
        {t[`${page}.problem`]}{' '}
        <button type="button" onClick={retry}>
          {t[`${page}.retry`]}
        </button>
      </p>
    );
  return <p role="status">{t[`${page}.loading`]}</p>;
}
