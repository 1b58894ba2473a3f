/** The person's profile in words (inclinations, strengths, the load they bear) and its scales. */
import { Flex, Grid, Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { Profile } from '../api';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { Bar } from './Bar';
import { sourceText } from './External';
import { Fact } from './Fact';

export function ProfileView({ profile }: { profile: Profile }) {
  const t = useT();
  const format = useFormat();
  const names = (list: Array<{ name: string }>) => (list.length ? list.map((s) => s.name).join(', ') : t('profile.none'));
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Grid.Root tag="dl" gap={4}>
        <Fact term={t('profile.inclinations')}>{names(profile.inclinations)}</Fact>
        <Fact term={t('profile.strengths')}>{names(profile.strengths)}</Fact>
        <Fact term={t('profile.load')}>{profile.load ? `${t(`level.${profile.load.level}`)}: ${profile.load.text}` : t('profile.none')}</Fact>
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
