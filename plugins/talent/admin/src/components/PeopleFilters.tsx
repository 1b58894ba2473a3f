/**
 * The registry's search and filters, applied together when the form is sent (Enter in the search
 * field or the button), so that a screen reader hears one new result count, not one per keystroke.
 */
import { Grid } from '@strapi/design-system';
import { FilterForm, SelectField, TextField, useFilterDraft, useRegions } from '@qabilet/plugin-kit/admin';
import { AGE_GROUPS, CONSENT_STATES, EDUCATION, PERSON_KINDS, PERSON_SERVICES, TALENT_STATUSES, USER_TYPES } from '@qabilet/domain';
import type { Filters, FilterKey } from '../api';
import { useT, type MessageKey } from '../utils/translations';

type Choice = { key: FilterKey; values: readonly string[]; label: (v: string) => MessageKey };

const CHOICES: Choice[] = [
  { key: 'kind', values: PERSON_KINDS, label: (v) => `kind.${v}` as MessageKey },
  { key: 'ageGroup', values: AGE_GROUPS, label: (v) => `ageGroup.${v}` as MessageKey },
  { key: 'userType', values: USER_TYPES, label: (v) => `userType.${v}` as MessageKey },
  { key: 'education', values: EDUCATION, label: (v) => `education.${v}` as MessageKey },
  { key: 'consent', values: CONSENT_STATES, label: (v) => `consent.${v}` as MessageKey },
  { key: 'service', values: PERSON_SERVICES, label: (v) => `service.${v}` as MessageKey },
  { key: 'talent', values: TALENT_STATUSES, label: (v) => `talent.${v}` as MessageKey },
];

export function PeopleFilters({ filters, limited, onChange }: { filters: Filters; limited: boolean; onChange: (filters: Filters) => void }) {
  const t = useT();
  const regions = useRegions();
  const { draft, set, submit, clear } = useFilterDraft(filters, onChange);
  return (
    <FilterForm label={t('filters.label')} apply={t('filters.apply')} clear={t('filters.clear')} onSubmit={submit} onClear={clear}>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField id="talent-q" label={t('filter.q')} hint={t('filter.q.hint')} value={draft.q ?? ''} onChange={set('q')} maxLength={120} />
        </Grid.Item>
        {!limited && (
          <>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <SelectField
                id="talent-region"
                label={t('filter.region')}
                any={t('filter.any')}
                value={draft.region ?? ''}
                options={regions.map((r) => ({ value: r.code, label: r.name }))}
                onChange={set('region')}
              />
            </Grid.Item>
            {CHOICES.map((c) => (
              <Grid.Item key={c.key} col={3} s={12} direction="column" alignItems="stretch">
                <SelectField
                  id={`talent-${c.key}`}
                  label={t(`filter.${c.key}` as MessageKey)}
                  any={t('filter.any')}
                  value={draft[c.key] ?? ''}
                  options={c.values.map((v) => ({ value: v, label: t(c.label(v)) }))}
                  onChange={set(c.key)}
                />
              </Grid.Item>
            ))}
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <TextField id="talent-active-from" type="date" label={t('filter.activeFrom')} value={draft.activeFrom ?? ''} onChange={set('activeFrom')} />
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <TextField id="talent-active-to" type="date" label={t('filter.activeTo')} value={draft.activeTo ?? ''} onChange={set('activeTo')} />
            </Grid.Item>
          </>
        )}
      </Grid.Root>
    </FilterForm>
  );
}
