/**
 * A filter form above a list: a search landmark named by `label`, its fields (`children`), and
 * under them the button that applies the filters and the quiet one that clears them.
 * `useFilterDraft` keeps what is typed until it is applied, and hands on only the filled filters.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Box, Button, Flex } from '@strapi/design-system';
import { Search } from '@strapi/icons';

export type FilterValues<K extends string> = Partial<Record<K, string>>;

export function useFilterDraft<K extends string>(filters: FilterValues<K>, onChange: (filters: FilterValues<K>) => void) {
  const [draft, setDraft] = useState<FilterValues<K>>(filters);
  const set = (key: K) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as FilterValues<K>);
  };
  const clear = () => {
    setDraft({});
    onChange({});
  };
  return { draft, set, submit, clear };
}

type Props = { label: string; apply: string; clear: string; onSubmit: (event: FormEvent) => void; onClear: () => void; children: ReactNode };

export function FilterForm({ label, apply, clear, onSubmit, onClear, children }: Props) {
  return (
    <Box tag="form" role="search" aria-label={label} onSubmit={onSubmit} background="neutral0" hasRadius shadow="filterShadow" padding={4}>
      {children}
      <Flex paddingTop={4} gap={2}>
        <Button type="submit" startIcon={<Search aria-hidden />}>
          {apply}
        </Button>
        <Button type="button" variant="tertiary" onClick={onClear}>
          {clear}
        </Button>
      </Flex>
    </Box>
  );
}
