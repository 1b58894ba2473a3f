/**
 * "Import a file": a CSV or XLSX export of the centre's desktop test database, read in the browser
 * and sent whole; the server reads its rows with the saved column mapping and says what became of
 * each (imported, waiting for review, already imported, or rejected with its fields' problems).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Box, Button, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { problemOf, ProblemText, type Problem } from '@qabilet/plugin-kit/admin';
import { usePartnersApi, type ImportSummary } from '../api';
import { useT } from '../utils/translations';
import { ImportSummaryView } from './ImportSummaryView';

/** The server's limit (README "Desktop test databases"), checked here too so that a large file is not sent for nothing. */
export const MAX_BYTES = 5 * 1024 * 1024;

const formatOf = (name: string): 'csv' | 'xlsx' | null => (/\.csv$/i.test(name) ? 'csv' : /\.xlsx$/i.test(name) ? 'xlsx' : null);

/** The file's bytes in base64, as the import's `content` carries them. */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

type Props = { partnerId: number; onImported: (summary: ImportSummary) => void };

export function UploadForm({ partnerId, onImported }: Props) {
  const t = useT();
  const api = usePartnersApi();
  const uid = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const [summary, setSummary] = useState<ImportSummary>();
  const [sending, setSending] = useState(false);
  const inputId = `${uid}-file`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    const format = file ? formatOf(file.name) : null;
    const local = !file ? t('upload.none') : !format ? t('upload.format') : file.size > MAX_BYTES ? t('upload.tooLarge') : undefined;
    setFileError(local);
    if (local || !file || !format) {
      input.current?.focus();
      return;
    }
    setSending(true);
    setSummary(undefined);
    try {
      const content = await base64Of(file);
      const result = await api.importFile(partnerId, { fileName: file.name, content, format });
      setSummary(result);
      onImported(result);
    } catch (error) {
      const refused = problemOf(error, t('error.generic'));
      const onFile = refused.fields.content ?? refused.fields.fileName ?? refused.fields.format;
      if (onFile) {
        setFileError(onFile);
        input.current?.focus();
      } else setProblem(refused);
    } finally {
      setSending(false);
    }
  }

  const described = [fileError ? `${inputId}-error` : '', `${inputId}-hint`].filter(Boolean).join(' ');
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Box tag="form" onSubmit={submit} noValidate aria-label={t('upload.form')}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex direction="column" alignItems="stretch" gap={1}>
            <label htmlFor={inputId}>
              <Typography variant="pi" fontWeight="bold" textColor="neutral800">
                {t('upload.file')}
              </Typography>
            </label>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={described}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(undefined);
              }}
            />
            {fileError && (
              <Typography id={`${inputId}-error`} variant="pi" textColor="danger600">
                {fileError}
              </Typography>
            )}
            <Typography id={`${inputId}-hint`} variant="pi" textColor="neutral600">
              {t('upload.hint')}
            </Typography>
          </Flex>
          <Flex>
            <Button type="submit" startIcon={<Upload />} loading={sending}>
              {t('upload.submit')}
            </Button>
          </Flex>
        </Flex>
      </Box>
      {problem && <ProblemText message={problem.message} />}
      {/* A short sentence is announced; the summary itself (with its table) is read at will. */}
      <Box role="status" aria-live="polite">
        {sending && <Typography>{t('upload.sending')}</Typography>}
        {summary && !sending && (
          <VisuallyHidden>
            {t('summary.announce', {
              rows: summary.rows,
              imported: summary.imported,
              queued: summary.queued,
              duplicates: summary.duplicates,
              rejected: summary.rejected?.length ?? 0,
            })}
          </VisuallyHidden>
        )}
      </Box>
      {summary && <ImportSummaryView summary={summary} />}
    </Flex>
  );
}
