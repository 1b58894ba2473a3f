/**
 * A specialist's photo and personal data as their staff profile holds them. The photo is one of
 * their private documents: fetched with the admin's token and shown from a blob, never a public URL.
 */
import { useEffect, useState } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useRegions } from '@qabilet/plugin-kit/admin';
import { useSpecialistsApi, type SpecialistCard } from '../api-specialists';
import { useT } from '../utils/translations';

function usePhoto(card: SpecialistCard): string | undefined {
  const api = useSpecialistsApi();
  const [url, setUrl] = useState<string>();
  const photo = [...card.documents].reverse().find((d) => d.kind === 'photo' && d.type !== 'application/pdf');
  useEffect(() => {
    if (!photo) return setUrl(undefined);
    let current = true;
    let made: string | undefined;
    api.document(card.id, photo).then(
      ({ blob }) => {
        if (!current) return;
        made = URL.createObjectURL(new Blob([blob], { type: photo.type }));
        setUrl(made);
      },
      () => current && setUrl(undefined),
    );
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, card.id, photo]);
  return url;
}

export function SpecialistDetails({ card }: { card: SpecialistCard }) {
  const t = useT();
  const photo = usePhoto(card);
  const regions = new Map(useRegions().map((r) => [r.code, r.name]));
  const rows: Array<[string, string]> = [
    [t('specialist.name'), card.name],
    [t('specialist.position'), card.position ?? '—'],
    [t('specialist.centre'), card.centre.name],
    [t('specialist.region'), (card.region && (regions.get(card.region) ?? card.region)) || '—'],
    [t('specialist.email'), card.email ?? '—'],
    [t('specialist.status'), card.active ? t('specialist.active') : t('specialist.inactive')],
  ];
  return (
    <Flex gap={6} alignItems="flex-start" wrap="wrap">
      <Box width="8rem" height="8rem" hasRadius background="neutral100" overflow="hidden">
        {photo ? (
          <img src={photo} alt={t('specialist.photo.alt', { name: card.name })} width={128} height={128} style={{ objectFit: 'cover' }} />
        ) : (
          <Flex height="100%" justifyContent="center" alignItems="center" padding={2}>
            <Typography variant="pi" textColor="neutral600" textAlign="center">
              {t('specialist.photo.none')}
            </Typography>
          </Flex>
        )}
      </Box>
      <Box tag="dl" style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '1.5rem', rowGap: '0.5rem', margin: 0 }}>
        {rows.map(([term, value]) => (
          <Box key={term} style={{ display: 'contents' }}>
            <Typography tag="dt" fontWeight="bold">
              {term}
            </Typography>
            <Typography tag="dd" style={{ margin: 0 }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Flex>
  );
}
