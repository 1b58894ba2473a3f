import { PluginPage } from '@qabilet/plugin-kit/admin';
import { useT } from '../utils/translations';

/** The dashboard page (issue 19): its panels come with the dashboards part. */
export function App() {
  const t = useT();
  return <PluginPage title={t('plugin.name')}>{null}</PluginPage>;
}
