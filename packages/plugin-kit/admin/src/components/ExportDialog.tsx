/**
 * The export of a registry: the list as filtered now, by one of the templates (when it has any), as
 * XLSX or CSV, with headers in the language chosen. The file comes through the fetch client (it
 * carries the admin's token) and is handed to the browser as a download. Its words are the
 * plugin's (`export.*`).
 */
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import { Flex, Loader, Radio, Typography } from '@strapi/design-system';
import { saveFile } from '../download';
import { problemOf } from '../problem';
import { useResource } from '../useResource';
import type { Translate } from '../translations';
import { FormDialog } from './FormDialog';
import { SelectField } from './SelectField';

const LOCALES = ['kk', 'ru', 'en'] as const;

export type ExportKey =
  | 'export.title'
  | 'export.submit'
  | 'export.loading'
  | 'export.description'
  | 'export.template'
  | 'export.file'
  | 'export.file.xlsx'
  | 'export.file.csv'
  | 'export.locale'
  | 'language.kk'
  | 'language.ru'
  | 'language.en'
  | 'dialog.close'
  | 'dialog.back'
  | 'error.generic';

export type ExportQuery = { file: 'xlsx' | 'csv'; template: string; locale: string };

type Props = {
  id: string;
  t: Translate<ExportKey>;
  /** The templates to choose from; without them the dialog asks for the file and the language only. */
  templates?: () => Promise<Array<{ key: string; name: string }>>;
  exportFile: (query: ExportQuery) => Promise<{ blob: Blob; name: string }>;
  onClose: () => void;
};

export function ExportDialog({ id, t, templates: load, exportFile, onClose }: Props) {
  const { locale } = useIntl();
  const templates = useResource(
    useCallback(() => (load ? load() : Promise.resolve([])), [load]),
    t('error.generic'),
  );
  const [template, setTemplate] = useState('');
  const [file, setFile] = useState<ExportQuery['file']>('xlsx');
  const [headers, setHeaders] = useState<string>((LOCALES as readonly string[]).includes(locale) ? locale : 'ru');
  const chosen = template || templates.data?.[0]?.key || '';

  return (
    <FormDialog
      title={t('export.title')}
      submit={t('export.submit')}
      close={t('dialog.close')}
      back={t('dialog.back')}
      onClose={onClose}
      onSubmit={async () => {
        try {
          const { blob, name } = await exportFile({ file, template: chosen, locale: headers });
          saveFile(blob, name);
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
            {load && (
              <SelectField
                id={`${id}-export-template`}
                label={t('export.template')}
                required
                value={chosen}
                options={(templates.data ?? []).map((tpl) => ({ value: tpl.key, label: tpl.name }))}
                onChange={setTemplate}
                error={problem?.fields.template ?? templates.problem?.message}
              />
            )}
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography id={`${id}-export-file-label`} variant="pi" fontWeight="bold" textColor="neutral800">
                {t('export.file')}
              </Typography>
              <Radio.Group aria-labelledby={`${id}-export-file-label`} value={file} onValueChange={(v) => setFile(v === 'csv' ? 'csv' : 'xlsx')}>
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
              id={`${id}-export-locale`}
              label={t('export.locale')}
              value={headers}
              options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              onChange={setHeaders}
              error={problem?.fields.locale}
            />
          </Flex>
        )
      }
    </FormDialog>
  );
}
