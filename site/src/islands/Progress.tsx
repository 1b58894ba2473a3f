/**
 * The person's own progress in the cabinet (issue 19): their diagnostics over time, repeated
 * diagnostics compared, the consultations and recommendations they received — or a child's, which
 * a parent chooses as on their card (`?child=<documentId>` keeps the choice in the address).
 */
import type { Messages } from './Form';
import { getMyProgress } from './progress-api';
import { useWhose } from './card/useWhose';
import WhoseChoice from './card/WhoseChoice';
import WhoseStatus from './card/WhoseStatus';
import { ConsultationsSection, DiagnosticsSection, RecommendationsSection, RepeatsSection, SummarySection } from './progress/ProgressSections';

type Props = { locale: string; t: Messages; loginHref: string; cardHref: string };

export default function Progress({ locale, t, loginHref, cardHref }: Props) {
  const { account, child, view, failed, load, choose } = useWhose(locale, getMyProgress);

  if (!account || failed)
    return <WhoseStatus t={t} page="progress" loginHref={loginHref} loggedOut={account === null} failed={failed} retry={() => void load()} />;
  const whose = child ? `${cardHref}?${new URLSearchParams({ child })}` : cardHref;
  return (
    <div className="my-progress">
      <WhoseChoice t={t} legend={t['progress.who']} account={account} child={child} choose={choose} />
      {!view ? (
        <p role="status">{t['progress.loading']}</p>
      ) : (
        <>
          <SummarySection t={t} view={view} />
          <DiagnosticsSection t={t} diagnostics={view.diagnostics} />
          <RepeatsSection t={t} repeats={view.repeats} />
          <ConsultationsSection t={t} consultations={view.consultations} />
          <RecommendationsSection t={t} recommendations={view.recommendations} cardHref={whose} />
        </>
      )}
    </div>
  );
}
