/** The registry of users' export: the kit's dialog over this registry's templates and file. */
import { useCallback } from 'react';
import { ExportDialog as KitExportDialog, type ExportQuery } from '@qabilet/plugin-kit/admin';
import { useTalentApi, type Filters } from '../api';
import { useT } from '../utils/translations';

export function ExportDialog({ filters, onClose }: { filters: Filters; onClose: () => void }) {
  const t = useT();
  const api = useTalentApi();
  const exportFile = useCallback((query: ExportQuery) => api.exportFile({ ...filters, ...query }), [api, filters]);
  return <KitExportDialog id="talent" t={t} templates={api.templates} exportFile={exportFile} onClose={onClose} />;
}
