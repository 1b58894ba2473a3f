/**
 * The registry of talents' filters, applied together when the form is sent, so that a screen
 * reader hears one new result count rather than one per change.
 */
import { Grid } from '@strapi/design-system';
import { FilterForm, SelectField, TextField, useFilterDraft, useRegions } from '@qabilet/plugin-kit/admin';
import { AGE_GROUPS, RIASEC_SCALES, SOFT_SKILL_SCALES, TALENT_ENTRY_STATUSES, TALENT_TRENDS } from '@qabilet/domain';
import type { TalentFilterKey, TalentFilters as Filters } from '../api-talents';
import { useT, type MessageKey } from '../utils/translations';
import { useDomainName } from './TalentDomain';

const DOMAINS = [...RIASEC_SCALES.map((s) => `interest:${s}`), ...SOFT_SKILL_SCALES.map((s) => `soft:${s}`)];

export function TalentFilters({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const t = useT();
  const domainName = useDomainName();
  const regions = useRegions();
  const { draft, set, submit, clear } = useFilterDraft(filters, onChange);
  const choices: Array<{ key: TalentFilterKey; options: Array<{ value: string; label: string }> }> = [
    { key: 'domain', options: DOMAINS.map((d) => ({ value: d, label: domainName(d) })) },
    { key: 'status', options: TALENT_ENTRY_STATUSES.map((v) => ({ value: v, label: t(`talent.${v}` as MessageKey) })) },
    { key: 'region', options: regions.map((r) => ({ value: r.code, label: r.name })) },
    { key: 'ageGroup', options: AGE_GROUPS.map((v) => ({ value: v, label: t(`ageGroup.${v}` as MessageKey) })) },
    { key: 'trend', options: TALENT_TRENDS.map((v) => ({ value: v, label: t(`trend.${v}` as MessageKey) })) },
  ];
  return (
    <FilterForm label={t('talents.filters')} apply={t('filters.apply')} clear={t('filters.clear')} onSubmit={submit} onClear={clear}>
      <Grid.Root gap={4}>
        {choices.map((c) => (
          <Grid.Item key={c.key} col={4} s={12} direction="column" alignItems="stretch">
            <SelectField
              id={`talents-${c.key}`}
              label={t(`talents.filter.${c.key}` as MessageKey)}
              any={t('filter.any')}
              value={draft[c.key] ?? ''}
              options={c.options}
              onChange={set(c.key)}
            />
          </Grid.Item>
        ))}
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <TextField
            id="talents-strengthMin"
            label={t('talents.filter.strengthMin')}
            hint={t('talents.filter.strengthMin.hint')}
            inputMode="numeric"
            maxLength={3}
            value={draft.strengthMin ?? ''}
            onChange={set('strengthMin')}
          />
        </Grid.Item>
      </Grid.Root>
    </FilterForm>
  );
}
