/**
 * The registry's page: its views as tabs (each part of the plugin adds its own, shown to whoever
 * may use it), and the cards as pages of their own below /plugins/talent.
 */
import { useCallback } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Box, Loader } from '@strapi/design-system';
import { PageTabs, PluginPage, ProblemText, useResource } from '@qabilet/plugin-kit/admin';
import { useTalentApi, type RegistryMe } from '../api';
import { useT } from '../utils/translations';
import { TABS, ROUTES } from './parts';

function Home() {
  const t = useT();
  const api = useTalentApi();
  const me = useResource(
    useCallback(() => api.me(), [api]),
    t('error.generic'),
  );
  let content;
  if (me.problem) content = <ProblemText message={me.problem.message} />;
  else if (!me.data)
    content = (
      <Box padding={6}>
        <Loader>{t('list.loading')}</Loader>
      </Box>
    );
  else {
    const data: RegistryMe = me.data;
    const tabs = TABS.filter((tab) => tab.shown(data)).map((tab) => ({ value: tab.value, label: t(tab.label), content: tab.render(data) }));
    content = <PageTabs label={t('tabs.label')} tabs={tabs} />;
  }
  return (
    <PluginPage title={t('page.title')} subtitle={t('page.subtitle')}>
      {content}
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
