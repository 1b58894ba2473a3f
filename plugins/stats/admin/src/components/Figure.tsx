/** A figure of a panel in its column's format; one that is not defined is a dash, read out as words. */
import { Typography, VisuallyHidden } from '@strapi/design-system';
import type { ColumnKind } from '../api';
import { useFigure } from '../utils/format';
import { useT } from '../utils/translations';

export function Figure({ value, kind }: { value: number | null | undefined; kind: ColumnKind }) {
  const t = useT();
  const figure = useFigure();
  if (value === null || value === undefined)
    return (
      <Typography>
        <span aria-hidden>—</span>
        <VisuallyHidden>{t('value.none')}</VisuallyHidden>
      </Typography>
    );
  return <Typography>{figure(value, kind)}</Typography>;
}
