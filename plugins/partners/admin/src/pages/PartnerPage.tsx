/**
 * One partner: what to give the partner (the platform's ids and addresses, its secret's last four
 * characters and a new secret on demand), its settings and tests to change, and its log. Right after
 * it was added, its secret is shown here once.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { Flex } from '@strapi/design-system';
import { BackButton, Page, useNotification } from '@strapi/strapi/admin';
import { PluginPage, problemOf, ProblemText, Section, useResource } from '@qabilet/plugin-kit/admin';
import { usePartnersApi, type PartnerView, type Platform } from '../api';
import { EventLog } from '../components/EventLog';
import { LiveStatus } from '../components/LiveStatus';
import { PartnerForm } from '../components/PartnerForm';
import { PlatformView } from '../components/PlatformView';
import { SecretDialog } from '../components/SecretDialog';
import { PLUGIN_ID } from '../pluginId';
import { configOf, draftOf, testsOf } from '../utils/draft';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import type { Created } from './NewPartnerPage';

/** The secret handed over by the form that added the partner, taken out of the history at once (a reload must not show it again). */
function useSecretOnce(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [secret] = useState(() => (location.state as Created | null)?.secret ?? null);
  useEffect(() => {
    if (location.state) navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  return secret;
}

export function PartnerPage() {
  const t = useT();
  const api = usePartnersApi();
  const { id = '' } = useParams<{ id: string }>();
  const loaded = useResource(
    useCallback(() => api.one(id), [api, id]),
    t('error.generic'),
  );
  const back = <BackButton fallback={`/plugins/${PLUGIN_ID}`} />;
  const secret = useSecretOnce();

  if (!loaded.data) {
    if (!loaded.problem) return <Page.Loading />;
    return (
      <PluginPage navigationAction={back} title={t('partner.title')}>
        <ProblemText message={loaded.problem.status === 404 ? t('partner.notFound') : loaded.problem.message} />
      </PluginPage>
    );
  }
  return <PartnerView key={loaded.data.data.id} loadedPartner={loaded.data.data} platform={loaded.data.platform} firstSecret={secret} back={back} />;
}

type ViewProps = { loadedPartner: PartnerView; platform: Platform; firstSecret: string | null; back: ReactNode };

function PartnerView({ loadedPartner, platform, firstSecret, back }: ViewProps) {
  const t = useT();
  const api = usePartnersApi();
  const format = useFormat();
  const { toggleNotification } = useNotification();
  const [partner, setPartner] = useState(loadedPartner);
  const [secret, setSecret] = useState(firstSecret);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const initial = useMemo(() => draftOf(partner), [partner]);

  const facts = [t(`kind.${partner.kind}`), partner.active ? t('active.on') : t('active.off'), t('partner.added', { date: format.date(partner.createdAt) })];
  return (
    <PluginPage
      documentTitle={t('partner.pageTitle', { name: partner.name })}
      navigationAction={back}
      title={partner.name}
      subtitle={facts.join(' · ')}
      overlay={secret && <SecretDialog secret={secret} kind={partner.kind} partnerName={partner.name} returnTo={heading} onClose={() => setSecret(null)} />}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <LiveStatus message={status} />
        <Section id="partners-platform" title={t('platform.title')} headingRef={heading}>
          <PlatformView
            partner={partner}
            platform={platform}
            onRotated={(next) => {
              setPartner(next);
              setStatus(t('secret.rotated', { hint: next.secretHint ?? '' }));
            }}
          />
        </Section>
        <PartnerForm
          prefix="partners-edit"
          title={t('edit.title')}
          initial={initial}
          editing={{ active: partner.active }}
          submitLabel={t('edit.submit')}
          onSubmit={async (draft, active) => {
            try {
              const saved = await api.update(partner.id, { name: draft.name.trim(), config: configOf(draft), tests: testsOf(draft), active });
              setPartner(saved);
              setStatus(t('edit.saved', { name: saved.name }));
              toggleNotification({ type: 'success', message: t('edit.saved', { name: saved.name }) });
              return undefined;
            } catch (error) {
              setStatus('');
              return problemOf(error, t('error.generic'));
            }
          }}
        />
        <Section id="partners-log" title={t('log.title')}>
          <EventLog partnerId={partner.id} />
        </Section>
      </Flex>
    </PluginPage>
  );
}
