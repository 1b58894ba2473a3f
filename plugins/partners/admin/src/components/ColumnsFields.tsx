/**
 * The column mapping of a centre's desktop export file: for each thing Qabilet reads from a row, the
 * header of the column that holds it. Only the date taken is required; a row needs at least one way
 * to find its person (a booking reference, a phone or an e-mail), and the test's column may be left
 * out when the partner offers one test.
 */
import { Grid } from '@strapi/design-system';
import { COLUMN_KEYS, type ColumnKey } from '../api';
import type { ColumnsDraft } from '../utils/draft';
import { errorUnder, fieldId, type FieldErrors } from '../utils/fieldErrors';
import { useT, type MessageKey } from '../utils/translations';
import { FieldGroup, TextField } from './Fields';

type Props = {
  prefix: string;
  /** Where the server names these fields: `config.columns` on the partner, `columns` on the import. */
  path: string;
  columns: ColumnsDraft;
  onChange: (columns: ColumnsDraft) => void;
  errors: FieldErrors;
};

export function ColumnsFields({ prefix, path, columns, onChange, errors }: Props) {
  const t = useT();
  return (
    <FieldGroup id={fieldId(prefix, path)} legend={t('columns.legend')} hint={t('columns.hint')} error={errors[path]} boxed>
      <Grid.Root gap={4}>
        {COLUMN_KEYS.map((key: ColumnKey) => (
          <Grid.Item key={key} col={4} s={6} xs={12} direction="column" alignItems="stretch">
            <TextField
              id={fieldId(prefix, `${path}.${key}`)}
              label={t(`column.${key}` as MessageKey)}
              hint={t(`column.${key}.hint` as MessageKey)}
              required={key === 'takenAt'}
              maxLength={80}
              value={columns[key]}
              onChange={(header) => onChange({ ...columns, [key]: header })}
              error={errorUnder(errors, `${path}.${key}`)}
            />
          </Grid.Item>
        ))}
      </Grid.Root>
    </FieldGroup>
  );
}
