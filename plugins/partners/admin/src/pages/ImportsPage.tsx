/**
 * "Imports": a centre's desktop test database, for the staff of the centre (a coordinator: of the
 * centres of their regions). Choose the database, save the column mapping of its export file once,
 * import a CSV or XLSX file, and settle the rows that matched nobody for sure.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Box, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { PluginPage, ProblemText, Section, SelectField, useResource } from '@qabilet/plugin-kit/admin';
import { usePartnersApi, type Centre } from '../api';
import { ColumnsForm } from '../components/ColumnsForm';
import { ReviewQueue } from '../components/ReviewQueue';
import { UploadForm } from '../components/UploadForm';
import { useT } from '../utils/translations';

export function ImportsPage() {
  const t = useT();
  const api = usePartnersApi();
  const partners = useResource(
    useCallback(() => api.desktop(), [api]),
    t('error.generic'),
  );
  const [chosen, setChosen] = useState('');
  const [centres, setCentres] = useState<Centre[]>([]);
  const [version, setVersion] = useState(0);
  const queueHeading = useRef<HTMLHeadingElement>(null);
  const list = partners.data ?? [];
  const partner = list.find((p) => String(p.id) === chosen) ?? (list.length === 1 ? list[0] : undefined);

  useEffect(() => {
    const controller = new AbortController();
    api.centres(controller.signal).then(setCentres, () => undefined);
    return () => controller.abort();
  }, [api]);
  const centreName = (slug: string) => centres.find((c) => c.slug === slug)?.name ?? slug;

  let content;
  if (partners.problem) content = <ProblemText message={partners.problem.message || t('imports.forbidden')} />;
  else if (!partners.data)
    content = (
      <Box padding={6}>
        <Loader>{t('imports.loading')}</Loader>
      </Box>
    );
  else if (list.length === 0) content = <EmptyStateLayout content={t('imports.empty')} />;
  else
    content = (
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
          <SelectField
            id="partners-imports-partner"
            label={t('imports.partner')}
            hint={t('imports.partner.hint')}
            placeholder={t('imports.partner.choose')}
            value={partner ? String(partner.id) : ''}
            options={list.map((p) => ({ value: String(p.id), label: t('imports.partner.option', { name: p.name, centre: centreName(p.centre) }) }))}
            onChange={setChosen}
          />
        </Box>
        {partner && (
          <>
            <Section id="partners-imports-columns" title={t('columns.title')}>
              <ColumnsForm partner={partner} onSaved={partners.reload} />
            </Section>
            <Section id="partners-imports-upload" title={t('upload.title')}>
              <UploadForm key={partner.id} partnerId={partner.id} onImported={() => setVersion((v) => v + 1)} />
            </Section>
            <Section id="partners-imports-queue" title={t('queue.title')} headingRef={queueHeading}>
              <ReviewQueue partnerId={partner.id} version={version} headingRef={queueHeading} />
            </Section>
          </>
        )}
        {!partner && <Typography textColor="neutral600">{t('imports.partner.none')}</Typography>}
      </Flex>
    );

  return (
    <PluginPage title={t('imports.title')} subtitle={t('imports.subtitle')}>
      {content}
    </PluginPage>
  );
}
