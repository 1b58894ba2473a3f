/**
 * The centre's column mapping, saved once and used for every file it imports; beside it, the score
 * columns of each test, which the partner's settings define (the administrator's to change).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { problemOf, type Problem } from '@qabilet/plugin-kit/admin';
import { usePartnersApi, type DesktopPartner } from '../api';
import { columnsOf, emptyColumns } from '../utils/draft';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { ColumnsFields } from './ColumnsFields';
import { ErrorSummary } from './ErrorSummary';
import { LiveStatus } from './LiveStatus';

type Props = { partner: DesktopPartner; onSaved: () => void };

export function ColumnsForm({ partner, onSaved }: Props) {
  const t = useT();
  const api = usePartnersApi();
  const format = useFormat();
  const [columns, setColumns] = useState(() => emptyColumns(partner.columns));
  const [problem, setProblem] = useState<Problem>();
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  useEffect(() => setColumns(emptyColumns(partner.columns)), [partner]);
  const prefix = `partners-columns-${partner.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setStatus('');
    try {
      await api.saveColumns(partner.id, columnsOf(columns));
      setProblem(undefined);
      setStatus(t('columns.saved'));
      onSaved();
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    } finally {
      setSending(false);
    }
  }

  const scoreColumns = partner.tests.flatMap((test) =>
    test.scales.map((s) => ({
      key: `${test.key}-${s.from}-${s.to}`,
      test: format.text(test.name) || test.key,
      column: s.from,
      range: `${s.min}–${s.max}`,
      scale: s.to,
    })),
  );
  return (
    <Box tag="form" onSubmit={submit} noValidate aria-label={t('columns.form')}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <ErrorSummary id={`${prefix}-errors`} prefix={prefix} problem={problem} />
        <ColumnsFields prefix={prefix} path="columns" columns={columns} onChange={setColumns} errors={problem?.fields ?? {}} />
        {scoreColumns.length > 0 && (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography tag="h3" variant="delta">
              {t('columns.scores')}
            </Typography>
            <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
              {scoreColumns.map((s) => (
                <li key={s.key}>
                  <Typography>{t('columns.score', { test: s.test, column: s.column, range: s.range, scale: s.scale })}</Typography>
                </li>
              ))}
            </Box>
          </Flex>
        )}
        <LiveStatus message={status} />
        <Flex>
          <Button type="submit" loading={sending}>
            {t('columns.save')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
}
