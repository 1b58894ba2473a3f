/**
 * The rules by which talents are found (the curator's): the version in force as a form, and every
 * earlier version with who made it and when. Saving makes a new version and re-evaluates everyone.
 */
import { useCallback, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { DataTable, ResourceState, Section, useResource } from '@qabilet/plugin-kit/admin';
import { useTalentsApi, type TalentRules } from '../api-talents';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { RulesForm } from './RulesForm';

export function RulesView() {
  const t = useT();
  const format = useFormat();
  const api = useTalentsApi();
  const [saved, setSaved] = useState<number>();
  const rules = useResource(
    useCallback(() => api.rules(), [api]),
    t('error.generic'),
  );
  const summary = (r: TalentRules) =>
    t('rules.summary', {
      threshold: r.threshold,
      own:
        Object.entries(r.thresholds)
          .map(([d, v]) => `${d} ${v}`)
          .join(', ') || '—',
      share: r.minAnsweredShare,
      unnormed: t(r.acceptUnnormed ? 'rules.yes' : 'rules.no'),
      months: r.windowMonths,
      days: r.confirmGapDays,
    });
  return (
    <ResourceState resource={rules} loading={t('list.loading')}>
      {(data) => (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Section id="talent-rules" title={t('rules.title')}>
            <RulesForm
              key={data.current.version}
              current={data.current}
              onSave={async (body) => {
                const view = await api.saveRules(body);
                setSaved(view.current.version);
                rules.reload();
              }}
            />
            <Typography role="status">{saved ? t('rules.saved', { version: saved }) : ''}</Typography>
          </Section>
          <Section id="talent-rules-history" title={t('rules.history')}>
            <DataTable
              caption={t('rules.history')}
              columns={[t('rules.col.version'), t('rules.col.when'), t('rules.col.author'), t('rules.col.rules')]}
              rows={data.history.map((v) => ({
                key: String(v.version),
                cells: [String(v.version), format.dateTime(v.createdAt), v.authorName ?? t('rules.defaults'), summary(v.rules)],
              }))}
            />
          </Section>
        </Flex>
      )}
    </ResourceState>
  );
}
