/** The person's profile in words (inclinations, strengths, the load they bear) and its scales. */
import type { ReactNode } from 'react';
import { Flex, Grid, Typography } from '@strapi/design-system';
import type { Profile } from '../api';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { Bar } from './Bar';
import { DataTable } from './DataTable';
import { sourceText } from './External';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Grid.Item tag="div" col={4} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
      <Typography tag="dt" variant="sigma" textColor="neutral600">
        {term}
      </Typography>
      <Typography tag="dd">{children}</Typography>
    </Grid.Item>
  );
}

export function ProfileView({ profile }: { profile: Profile }) {
  const t = useT();
  const format = useFormat();
  const names = (list: Array<{ name: string }>) => (list.length ? list.map((s) => s.name).join(', ') : t('profile.none'));
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Grid.Root tag="dl" gap={4}>
        <Item term={t('profile.inclinations')}>{names(profile.inclinations)}</Item>
        <Item term={t('profile.strengths')}>{names(profile.strengths)}</Item>
        <Item term={t('profile.load')}>{profile.load ? `${t(`level.${profile.load.level}`)}: ${profile.load.text}` : t('profile.none')}</Item>
      </Grid.Root>
      {profile.scales.length === 0 ? (
        <Typography textColor="neutral600">{t('profile.noScales')}</Typography>
      ) : (
        <DataTable
          caption={t('profile.scales')}
          columns={[t('col.scale'), t('col.score'), t('col.level'), t('col.from'), t('col.source')]}
          rows={profile.scales.map((s) => ({
            key: s.scale,
            cells: [s.name, <Bar value={s.score} />, t(`level.${s.level}`), format.date(s.finishedAt), sourceText(t, s.source)],
          }))}
        />
      )}
    </Flex>
  );
}
