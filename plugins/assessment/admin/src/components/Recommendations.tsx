/**
 * The professions that fit the person best (the top five), each with its % fit as a bar and as a
 * number, the sentence that explains it, the person's scales beside the profession's, and where to
 * study for it.
 */
import { Flex, Link, Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { Recommendation } from '../api';
import { hasKey, useT } from '../utils/translations';
import { Bar } from './Bar';
import { CardList } from './CardList';

export function Recommendations({ recommendations }: { recommendations: Recommendation[] }) {
  const t = useT();
  return (
    <CardList items={recommendations} none={t('rec.none')} keyOf={(r) => r.profession.slug}>
      {(r, i) => <RecommendationView recommendation={r} rank={i + 1} />}
    </CardList>
  );
}

function RecommendationView({ recommendation: r, rank }: { recommendation: Recommendation; rank: number }) {
  const t = useT();
  const level = (key: string) => (hasKey(`specialty.${key}`) ? t(`specialty.${key}` as 'specialty.college') : key);
  const parts = [
    r.interests !== null ? t('rec.interests', { value: Math.round(r.interests) }) : null,
    r.professionTest !== null ? t('rec.professionTest', { value: Math.round(r.professionTest) }) : null,
  ].filter(Boolean);
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between" alignItems="flex-start" wrap="wrap" gap={3}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography tag="h3" variant="delta">
            {t('rec.heading', { rank, name: r.profession.name })}
          </Typography>
          {r.profession.summary && <Typography textColor="neutral600">{r.profession.summary}</Typography>}
        </Flex>
        <Bar value={r.fit} text={t('rec.fit', { fit: Math.round(r.fit) })} />
      </Flex>
      <Typography tag="p">{r.explanation}</Typography>
      {parts.length > 0 && (
        <Typography variant="pi" textColor="neutral600">
          {parts.join(' · ')}
        </Typography>
      )}
      {r.scales.length > 0 && (
        <DataTable
          caption={t('rec.scales', { name: r.profession.name })}
          columns={[t('col.scale'), t('col.person'), t('col.profession')]}
          rows={r.scales.map((s) => ({
            key: s.scale,
            cells: [s.name, <Bar value={s.person} />, <Bar value={s.profession} tone="neutral" />],
          }))}
        />
      )}
      <Flex gap={6} alignItems="flex-start" wrap="wrap">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography tag="h4" variant="sigma" textColor="neutral600">
            {t('rec.specialties')}
          </Typography>
          {r.specialties.length === 0 ? (
            <Typography>—</Typography>
          ) : (
            <ul>
              {r.specialties.map((s) => (
                <li key={s.key}>
                  <Typography>{[s.code, s.name].filter(Boolean).join(' ')}</Typography>
                  <Typography textColor="neutral600">{` (${level(s.level)})`}</Typography>
                </li>
              ))}
            </ul>
          )}
        </Flex>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography tag="h4" variant="sigma" textColor="neutral600">
            {t('rec.institutions')}
          </Typography>
          {r.institutions.length === 0 ? (
            <Typography>—</Typography>
          ) : (
            <ul>
              {r.institutions.map((inst) => (
                <li key={inst.slug}>
                  {inst.website ? (
                    <Link href={inst.website} isExternal>
                      {inst.name}
                    </Link>
                  ) : (
                    <Typography>{inst.name}</Typography>
                  )}
                  {inst.locality && <Typography textColor="neutral600">{`, ${inst.locality}`}</Typography>}
                </li>
              ))}
            </ul>
          )}
        </Flex>
      </Flex>
    </Flex>
  );
}
