/**
 * Previous / next page and, when the page lets one choose it, the page size; the number of pages
 * follows from the server's total. Its words are the plugin's own (`pager.*` in its catalogue).
 */
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import type { Translate } from '../translations';
import { SelectField } from './SelectField';

export const PAGE_SIZES: readonly number[] = [10, 25, 50, 100];

export type PagerKey = 'pager.size' | 'pager.previous' | 'pager.next' | 'pager.position';

/** Which page of the list is shown, and how many items a page holds. */
export type Paging = { page: number; pageSize: number };

type Props = {
  /** Names the page-size select: `${id}-page-size`. */
  id: string;
  /** The navigation's name, which tells two pagers of a page apart. */
  label: string;
  t: Translate<PagerKey>;
  paging: Paging;
  total: number;
  /** Called with the page asked for; a new page size starts again at the first page. */
  onChange: (paging: Paging) => void;
  /** Whether the page size may be chosen; without it, the size is fixed and not shown. */
  resizable?: boolean;
  sizes?: readonly number[];
};

export function Pager({ id, label, t, paging, total, onChange, resizable = true, sizes = PAGE_SIZES }: Props) {
  const { page, pageSize } = paging;
  const onPage = (next: number) => onChange({ page: next, pageSize });
  const pageCount = Math.max(Math.ceil(total / pageSize), 1);
  return (
    <Flex tag="nav" aria-label={label} justifyContent="space-between" alignItems="flex-end" wrap="wrap" gap={4}>
      {resizable ? (
        <Box width="12rem">
          <SelectField
            id={`${id}-page-size`}
            label={t('pager.size')}
            value={String(pageSize)}
            options={sizes.map((n) => ({ value: String(n), label: String(n) }))}
            onChange={(v) => onChange({ page: 1, pageSize: Number(v) })}
          />
        </Box>
      ) : (
        <span />
      )}
      <Flex gap={2} alignItems="center">
        <Button variant="tertiary" startIcon={<ArrowLeft />} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('pager.previous')}
        </Button>
        <Typography aria-live="polite">{t('pager.position', { page, pageCount })}</Typography>
        <Button variant="tertiary" endIcon={<ArrowRight />} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          {t('pager.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
