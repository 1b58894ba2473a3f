/**
 * "Requests": one page whose content follows the staff member's role as the server states it
 * (GET /crm/me). A specialist sees their own requests; a call-centre operator the call in progress,
 * a form for a new request and the registry to find a caller's; a coordinator, curator or super
 * admin the registry of their scope, to act on or (a curator) only to read and export.
 */
import { useCallback, useState } from 'react';
import { EmptyStateLayout, Flex } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { PageTabs, PluginPage, useResource } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type Me } from '../api';
import { CallPanel } from '../components/CallPanel';
import { NewRequestForm } from '../components/NewRequestForm';
import { Registry } from '../components/Registry';
import { RequestDialog } from '../components/RequestDialog';
import { useT } from '../utils/translations';

export function RequestsPage() {
  const t = useT();
  const api = useCrmApi();
  const me = useResource(
    useCallback(() => api.me(), [api]),
    t('error.generic'),
  );
  if (me.loading) return <Page.Loading />;
  if (!me.data) return <Page.Error content={me.problem?.message} />;
  return <Requests me={me.data} />;
}

function Requests({ me }: { me: Me }) {
  const t = useT();
  // The request open in the dialog, and a counter that reloads the lists after a change.
  const [open, setOpen] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  const title = me.role === 'specialist' ? t('page.title.mine') : t('page.title');
  const subtitle = t(`page.subtitle.${me.role}`);

  let content;
  if (me.role === 'none') content = <EmptyStateLayout content={t('page.noRole')} />;
  else if (me.role === 'specialist') content = <Registry me={me} mine onOpen={setOpen} changes={changes} onChanged={changed} />;
  else if (me.role === 'operator')
    content = (
      <Flex direction="column" alignItems="stretch" gap={6}>
        <CallPanel onOpen={setOpen} />
        <PageTabs
          label={t('tabs.label')}
          tabs={[
            {
              value: 'new',
              label: t('tabs.new'),
              content: (
                <NewRequestForm
                  me={me}
                  onCreated={(request) => {
                    changed();
                    setOpen(request.id);
                  }}
                />
              ),
            },
            { value: 'registry', label: t('tabs.registry'), content: <Registry me={me} onOpen={setOpen} changes={changes} onChanged={changed} /> },
          ]}
        />
      </Flex>
    );
  else content = <Registry me={me} onOpen={setOpen} changes={changes} onChanged={changed} />;

  return (
    <PluginPage title={title} subtitle={subtitle} panel overlay={open && <RequestDialog me={me} id={open} onClose={() => setOpen(null)} onChanged={changed} />}>
      {content}
    </PluginPage>
  );
}
