/**
 * The export: the list as filtered now, by one of the templates, as XLSX or CSV, with headers in
 * the language chosen. The file comes through the fetch client (it carries the admin's token) and
 * is handed to the browser as a download.
 */
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import { Flex, Loader, Radio, Typography } from '@strapi/design-system';
import { problemOf, SelectField, useResource } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type ExportQuery, type Filters } from '../api';
import { useT } from '../utils/translations';
import { ActionDialog } from './ActionDialog';

const LOCALES = ['kk', 'ru', 'en'] as const;

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportDialog({ filters, onClose }: { filters: Filters; onClose: () => void }) {
  const t = useT();
  const api = useCrmApi();
  const { locale } = useIntl();
  const templates = useResource(
    useCallback(() => api.templates(), [api]),
    t('error.generic'),
  );
  const [template, setTemplate] = useState('');
  const [file, setFile] = useState<ExportQuery['file']>('xlsx');
  const [headers, setHeaders] = useState<string>((LOCALES as readonly string[]).includes(locale) ? locale : 'ru');
  const chosen = template || templates.data?.[0]?.key || '';

  return (
    <ActionDialog
      title={t('export.title')}
      submit={t('export.submit')}
      onClose={onClose}
      onSubmit={async () => {
        try {
          const { blob, name } = await api.exportFile({ ...filters, file, template: chosen, locale: headers });
          download(blob, name);
          onClose();
          return undefined;
        } catch (error) {
          return problemOf(error, t('error.generic'));
        }
      }}
    >
      {(problem) =>
        templates.loading ? (
          <Loader small>{t('export.loading')}</Loader>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography>{t('export.description')}</Typography>
            <SelectField
              id="crm-export-template"
              label={t('export.template')}
              required
              value={chosen}
              options={(templates.data ?? []).map((tpl) => ({ value: tpl.key, label: tpl.name }))}
              onChange={setTemplate}
              error={problem?.fields.template ?? templates.problem?.message}
            />
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography id="crm-export-file-label" variant="pi" fontWeight="bold" textColor="neutral800">
                {t('export.file')}
              </Typography>
              <Radio.Group aria-labelledby="crm-export-file-label" value={file} onValueChange={(v) => setFile(v === 'csv' ? 'csv' : 'xlsx')}>
                <Radio.Item value="xlsx">{t('export.file.xlsx')}</Radio.Item>
                <Radio.Item value="csv">{t('export.file.csv')}</Radio.Item>
              </Radio.Group>
              {problem?.fields.file && (
                <Typography variant="pi" textColor="danger600">
                  {problem.fields.file}
                </Typography>
              )}
            </Flex>
            <SelectField
              id="crm-export-locale"
              label={t('export.locale')}
              value={headers}
              options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              onChange={setHeaders}
              error={problem?.fields.locale}
            />
          </Flex>
        )
      }
    </ActionDialog>
  );
}
