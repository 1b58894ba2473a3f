import type { Messages } from '../Form';

/** The way to a test's last result from its card; the link's name says which test it is for. */
export default function ResultLink({ t, href, test }: { t: Messages; href: string; test: string }) {
  return (
    <a className="button-link secondary" href={href} aria-label={`${t['test.list.result']}: ${test}`}>
      {t['test.list.result']}
    </a>
  );
}
