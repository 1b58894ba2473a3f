/**
 * "Partners": every partner (an LTI tool, a partner with a signed redirect and callback, a centre's
 * desktop test database) with its kind, whether it is on, what it has done and when it was added.
 */
import { useCallback } from 'react';
import { NavLink } from 'react-router-dom';
import { Box, EmptyStateLayout, Flex, Link, LinkButton, Loader, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { DataTable, PluginPage, ProblemText, useResource } from '@qabilet/plugin-kit/admin';
import { usePartnersApi, type PartnerView } from '../api';
import { PLUGIN_ID } from '../pluginId';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';

export const partnerHref = (id: number | string) => `/plugins/${PLUGIN_ID}/${encodeURIComponent(String(id))}`;

export function PartnersPage() {
  const t = useT();
  const api = usePartnersApi();
  const list = useResource(
    useCallback(() => api.list(), [api]),
    t('error.generic'),
  );
  const partners = list.data ?? [];

  let content;
  if (list.problem) content = <ProblemText message={list.problem.message} />;
  else if (!list.data)
    content = (
      <Box padding={6}>
        <Loader>{t('list.loading')}</Loader>
      </Box>
    );
  else if (partners.length === 0) content = <EmptyStateLayout content={t('list.empty')} />;
  else
    content = (
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography tag="h2" variant="delta">
          {t('list.total', { total: partners.length })}
        </Typography>
        <PartnersTable partners={partners} />
      </Flex>
    );

  return (
    <PluginPage
      title={t('page.title')}
      subtitle={t('page.subtitle')}
      primaryAction={
        <LinkButton tag={NavLink} to={`/plugins/${PLUGIN_ID}/new`} startIcon={<Plus />}>
          {t('list.add')}
        </LinkButton>
      }
      panel
    >
      {content}
    </PluginPage>
  );
}

function PartnersTable({ partners }: { partners: PartnerView[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <DataTable
      caption={t('list.caption')}
      columns={[t('col.name'), t('col.kind'), t('col.active'), t('col.launches'), t('col.results'), t('col.refused'), t('col.created')]}
      rows={partners.map((partner) => ({
        key: String(partner.id),
        cells: [
          <Link key="name" tag={NavLink} to={partnerHref(partner.id)}>
            {partner.name}
          </Link>,
          t(`kind.${partner.kind}`),
          partner.active ? t('active.on') : t('active.off'),
          partner.counts?.launches ?? 0,
          partner.counts?.results ?? 0,
          partner.counts?.refused ?? 0,
          format.date(partner.createdAt),
        ],
      }))}
    />
  );
}
