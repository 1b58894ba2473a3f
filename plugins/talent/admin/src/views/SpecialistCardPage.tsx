/**
 * A specialist's card (`/plugins/talent/specialists/:id`): photo and personal data, the private
 * documents (listed, opened through the permission check, added and deleted by whoever may), the
 * people they consulted, and their consultation journal's figures. Every opening is audited by the server.
 */
import { useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { BackButton } from '@strapi/strapi/admin';
import { PluginPage, ResourceState, Section, useResource } from '@qabilet/plugin-kit/admin';
import { useSpecialistsApi, type SpecialistCard, type SpecialistDocument } from '../api-specialists';
import { DocumentDeleteDialog } from '../components/DocumentDeleteDialog';
import { DocumentList } from '../components/DocumentList';
import { DocumentUploadDialog } from '../components/DocumentUploadDialog';
import { SpecialistDetails } from '../components/SpecialistDetails';
import { SpecialistPeople } from '../components/SpecialistPeople';
import { useT } from '../utils/translations';

function Documents({ card, reload }: { card: SpecialistCard; reload: () => void }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<SpecialistDocument>();
  return (
    <Section id="specialist-documents" title={t('documents.title')}>
      <Typography textColor="neutral600">{t('documents.private')}</Typography>
      {card.can.upload && (
        <Box>
          <Button startIcon={<Plus aria-hidden />} onClick={() => setAdding(true)}>
            {t('document.add')}
          </Button>
        </Box>
      )}
      <DocumentList specialist={card.id} documents={card.documents} canRemove={card.can.remove} onRemove={setRemoving} />
      {adding && (
        <DocumentUploadDialog
          card={card}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            reload();
          }}
        />
      )}
      {removing && (
        <DocumentDeleteDialog
          specialist={card.id}
          document={removing}
          onClose={() => setRemoving(undefined)}
          onDone={() => {
            setRemoving(undefined);
            reload();
          }}
        />
      )}
    </Section>
  );
}

function Journal({ card }: { card: SpecialistCard }) {
  const t = useT();
  return (
    <Section id="specialist-journal" title={t('specialist.journal.title')}>
      <Typography>{t('specialist.journal.completed', { count: card.journal.completed })}</Typography>
      <Typography>
        {card.journal.entries === null ? t('specialist.journal.unavailable') : t('specialist.journal.entries', { count: card.journal.entries })}
      </Typography>
    </Section>
  );
}

export function SpecialistCardPage() {
  const t = useT();
  const api = useSpecialistsApi();
  const id = Number(useParams().id);
  const card = useResource(
    useCallback(() => api.card(id), [api, id]),
    t('error.generic'),
  );
  return (
    <PluginPage
      navigationAction={<BackButton fallback="/plugins/talent" />}
      documentTitle={t('specialist.card.pageTitle', { name: card.data?.name ?? '' })}
      title={card.data?.name ?? t('specialist.card.title')}
      subtitle={t('specialist.card.subtitle')}
    >
      <ResourceState resource={card} loading={t('list.loading')}>
        {(data) => (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Section id="specialist-details" title={t('specialist.details.title')}>
              <SpecialistDetails card={data} />
            </Section>
            <Documents card={data} reload={card.reload} />
            <Section id="specialist-people" title={t('specialist.people.title')}>
              <SpecialistPeople card={data} />
            </Section>
            <Journal card={data} />
          </Flex>
        )}
      </ResourceState>
    </PluginPage>
  );
}
