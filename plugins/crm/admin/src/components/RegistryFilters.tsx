/**
 * The registry's filters. They are applied together with "Apply" (or Enter in a field), so that
 * choosing several does not reload the list at each one; a refused value is shown beside its field.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Flex, Grid } from '@strapi/design-system';
import { SelectField, TextField } from '@qabilet/plugin-kit/admin';
import type { Filters, FilterKey, Me } from '../api';
import { useT } from '../utils/translations';

type Props = {
  me: Me;
  /** The filters shown (a specialist's own list has fewer). */
  keys: readonly FilterKey[];
  applied: Filters;
  errors: Record<string, string>;
  onApply: (filters: Filters) => void;
};

export function RegistryFilters({ me, keys, applied, errors, onApply }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<Filters>(applied);
  useEffect(() => setDraft(applied), [applied]);
  const set = (key: FilterKey) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const id = (key: FilterKey) => `crm-filter-${key}`;
  const any = t('filter.any');

  const selects: Partial<Record<FilterKey, { label: string; options: { value: string; label: string }[] }>> = {
    status: { label: t('filter.status'), options: me.statuses.map((s) => ({ value: s, label: t(`status.${s}`) })) },
    centre: { label: t('filter.centre'), options: me.centres.map((c) => ({ value: c.slug, label: c.name })) },
    specialist: { label: t('filter.specialist'), options: me.specialists.map((s) => ({ value: String(s.id), label: s.name })) },
    service: { label: t('filter.service'), options: me.services.map((s) => ({ value: s, label: t(`service.${s}`) })) },
    format: { label: t('filter.format'), options: me.formats.map((f) => ({ value: f, label: t(`format.${f}`) })) },
    source: { label: t('filter.source'), options: me.sources.map((s) => ({ value: s, label: t(`source.${s}`) })) },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as Filters);
  }

  return (
    <form onSubmit={submit} aria-label={t('filter.label')} role="search" noValidate>
      <Grid.Root gap={4}>
        {keys.map((key) => {
          const select = selects[key];
          return (
            <Grid.Item key={key} col={3} s={6} xs={12} direction="column" alignItems="stretch">
              {select ? (
                <SelectField
                  id={id(key)}
                  label={select.label}
                  value={draft[key] ?? ''}
                  options={select.options}
                  any={any}
                  onChange={set(key)}
                  error={errors[key]}
                />
              ) : (
                <TextField
                  id={id(key)}
                  label={t(`filter.${key as 'from' | 'to' | 'phone'}`)}
                  type={key === 'phone' ? 'tel' : 'date'}
                  value={draft[key] ?? ''}
                  onChange={set(key)}
                  error={errors[key]}
                />
              )}
            </Grid.Item>
          );
        })}
      </Grid.Root>
      <Flex gap={2} paddingTop={4}>
        <Button type="submit">{t('filter.apply')}</Button>
        <Button
          type="button"
          variant="tertiary"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t('filter.reset')}
        </Button>
      </Flex>
    </form>
  );
}
