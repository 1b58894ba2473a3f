/** Previous / next page and the page size; the server says how many pages there are. */
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import type { Pagination } from '../api';
import { useT } from '../utils/translations';
import { SelectField } from './Fields';

const SIZES = [10, 25, 50, 100];

type Props = { pagination: Pagination; onPage: (page: number) => void; onPageSize: (size: number) => void };

export function Pager({ pagination, onPage, onPageSize }: Props) {
  const t = useT();
  const { page, pageCount, pageSize } = pagination;
  return (
    <Flex tag="nav" aria-label={t('pager.label')} justifyContent="space-between" alignItems="flex-end" wrap="wrap" gap={4}>
      <Box width="12rem">
        <SelectField id="crm-page-size" label={t('pager.size')} value={String(pageSize)} options={SIZES.map((n) => ({ value: String(n), label: String(n) }))} onChange={(v) => onPageSize(Number(v))} />
      </Box>
      <Flex gap={2} alignItems="center">
        <Button variant="tertiary" startIcon={<ArrowLeft />} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('pager.previous')}
        </Button>
        <Typography aria-live="polite">{t('pager.position', { page, pageCount: Math.max(pageCount, 1) })}</Typography>
        <Button variant="tertiary" endIcon={<ArrowRight />} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          {t('pager.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
