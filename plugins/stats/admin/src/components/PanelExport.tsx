/**
 * The export of a panel's table as XLSX or CSV, for the period and the place shown (the kit's
 * export dialog; the server checks the right again and records the export in the audit).
 */
import { useCallback, useState } from 'react';
import { Button, VisuallyHidden } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { ExportDialog, type ExportKey, type ExportQuery, type Translate } from '@qabilet/plugin-kit/admin';
import { useStatsApi, type DashboardQuery, type PanelId } from '../api';
import { useT } from '../utils/translations';

type Props = { panel: PanelId; title: string; query: DashboardQuery };

export function PanelExport({ panel, title, query }: Props) {
  const t = useT();
  const api = useStatsApi();
  const [open, setOpen] = useState(false);
  const words: Translate<ExportKey> = useCallback((key, values) => (key === 'export.title' ? t('export.title', { title }) : t(key, values)), [t, title]);
  const exportFile = useCallback(({ file, locale }: ExportQuery) => api.exportPanel(panel, query, file, locale), [api, panel, query]);
  return (
    <>
      <Button variant="secondary" startIcon={<Download aria-hidden />} onClick={() => setOpen(true)}>
        {t('export.open')}
        <VisuallyHidden> {title}</VisuallyHidden>
      </Button>
      {open && <ExportDialog id={`stats-${panel}`} t={words} exportFile={exportFile} onClose={() => setOpen(false)} />}
    </>
  );
}
