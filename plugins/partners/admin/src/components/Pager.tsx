/** Previous / next page and the page size; the number of pages follows from the server's total. */
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import { useT } from '../utils/translations';
import { SelectField } from './Fields';

export const PAGE_SIZES = [10, 20, 50, 100];

type Props = { id: string; label: string; page: number; pageSize: number; total: number; onPage: (page: number) => void; onPageSize?: (size: number) => void };

export function Pager({ id, label, page, pageSize, total, onPage, onPageSize }: Props) {
  const t = useT();
  const pageCount = Math.max(Math.ceil(total / pageSize), 1);
  return (
    <Flex tag="nav" aria-label={label} justifyContent="space-between" alignItems="flex-end" wrap="wrap" gap={4}>
      {onPageSize ? (
        <Box width="12rem">
          <SelectField id={`${id}-page-size`} label={t('pager.size')} value={String(pageSize)} options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))} onChange={(v) => onPageSize(Number(v))} />
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
