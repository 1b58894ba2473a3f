/**
 * The registry's page: its views as tabs (each part of the plugin adds its own, shown to whoever
 * may use it), and the cards as pages of their own below /plugins/talent.
 */
import { useCallback } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PageTabs, PluginPage, ResourceState, useResource } from '@qabilet/plugin-kit/admin';
import { useTalentApi } from '../api';
import { useT } from '../utils/translations';
import { TABS, ROUTES } from './parts';

function Home() {
  const t = useT();
  const api = useTalentApi();
  const me = useResource(
    useCallback(() => api.me(), [api]),
    t('error.generic'),
  );
  return (
    <PluginPage title={t('page.title')} subtitle={t('page.subtitle')}>
      <ResourceState resource={me} loading={t('list.loading')}>
        {(data) => (
          <PageTabs
            label={t('tabs.label')}
            tabs={TABS.filter((tab) => tab.shown(data)).map((tab) => ({ value: tab.value, label: t(tab.label), content: tab.render(data) }))}
          />
        )}
      </ResourceState>
    </PluginPage>
  );
}

export function App() {
  return (
    <Routes>
      <Route index element={<Home />} />
      {ROUTES.map(({ path, element }) => (
        <Route key={path} path={path} element={element} />
      ))}
    </Routes>
  );
}
