/** What became of a file's rows, in figures and words, and each rejected row with its fields' problems. */
import { Box, Flex, Typography } from '@strapi/design-system';
import { DataTable, pathOf } from '@qabilet/plugin-kit/admin';
import { type FieldError, type ImportSummary } from '../api';
import { useT, hasKey } from '../utils/translations';

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const t = useT();
  const rejected = summary.rejected ?? [];
  // The file's own column header where the server names it; else the field's name.
  const where = (e: FieldError) => {
    if (e.column) return t('summary.column', { column: e.column });
    const path = pathOf(e.path);
    const key = `column.${path.split('.')[0]}`;
    return path ? (hasKey(key) ? t(key) : path) : '';
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3} padding={4} background="neutral100" hasRadius>
      <Typography tag="h3" variant="delta">
        {t('summary.title', { rows: summary.rows })}
      </Typography>
      <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
        <li>
          <Typography>{t('summary.imported', { count: summary.imported })}</Typography>
        </li>
        <li>
          <Typography>{t('summary.queued', { count: summary.queued })}</Typography>
        </li>
        <li>
          <Typography>{t('summary.duplicates', { count: summary.duplicates })}</Typography>
        </li>
        <li>
          <Typography>{t('summary.rejected', { count: rejected.length })}</Typography>
        </li>
      </Box>
      {rejected.length > 0 && (
        <DataTable
          caption={t('summary.rejected.caption')}
          columns={[t('summary.col.row'), t('summary.col.problems')]}
          rows={rejected.map((r) => ({
            key: String(r.row),
            cells: [
              String(r.row),
              <Box key="problems" tag="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {r.errors.map((e, i) => (
                  <li key={i}>
                    <Typography>{where(e) ? t('errors.item', { field: where(e), message: e.message }) : e.message}</Typography>
                  </li>
                ))}
              </Box>,
            ],
          }))}
        />
      )}
    </Flex>
  );
}
