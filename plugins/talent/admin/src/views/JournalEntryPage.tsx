/**
 * One consultation's journal entry (`/plugins/talent/journal/:id`): its specialist edits the draft
 * (saved as typed), signs it, and later amends it with a reason; everyone else in scope reads it.
 * The signed texts are listed below, newest first. Every opening is audited by the server.
 */
import { useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { BackButton } from '@strapi/strapi/admin';
import { PluginPage, ResourceState, Section, useResource } from '@qabilet/plugin-kit/admin';
import { useJournalApi, type JournalEntryView } from '../api-journal';
import { JournalAmend } from '../components/JournalAmend';
import { JournalEditor } from '../components/JournalEditor';
import { JournalRevisions } from '../components/JournalRevisions';
import { JournalStateBadge } from '../components/JournalState';
import { JournalText } from '../components/JournalText';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';

function Entry({ entry, onChanged }: { entry: JournalEntryView; onChanged: (entry: JournalEntryView) => void }) {
  const t = useT();
  const { dateTime } = useFormat();
  const [amending, setAmending] = useState(false);
  let body;
  if (entry.state !== 'signed' && entry.mine) body = <JournalEditor entry={entry} onChanged={onChanged} />;
  else if (amending)
    body = (
      <JournalAmend
        entry={entry}
        onCancel={() => setAmending(false)}
        onDone={(next) => {
          setAmending(false);
          onChanged(next);
        }}
      />
    );
  else if (entry.state === 'missing' || entry.state === 'draft') body = <Typography>{t('journal.notSignedYet')}</Typography>;
  else
    body = (
      <Flex direction="column" alignItems="stretch" gap={4}>
        {entry.signedBy && entry.signedAt && <Typography>{t('journal.signedBy', { name: entry.signedBy.name, at: dateTime(entry.signedAt) })}</Typography>}
        <JournalText fields={entry.fields} notes={entry.notes} />
        {entry.mine && (
          <Box>
            <Button variant="secondary" startIcon={<Pencil aria-hidden />} onClick={() => setAmending(true)}>
              {t('journal.amend')}
            </Button>
          </Box>
        )}
      </Flex>
    );
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Section id="journal-entry" title={t('journal.entry.title')}>
        <Flex gap={2} wrap="wrap">
          <JournalStateBadge state={entry.state} />
          <Typography>
            {t('journal.entry.about', { service: t(`journal.service.${entry.service}`), at: dateTime(entry.heldAt), specialist: entry.specialist.name })}
          </Typography>
        </Flex>
        {body}
      </Section>
      <Section id="journal-revisions" title={t('journal.revisions.title')}>
        <JournalRevisions revisions={entry.revisions} />
      </Section>
    </Flex>
  );
}

export function JournalEntryPage() {
  const t = useT();
  const api = useJournalApi();
  const id = Number(useParams().id);
  const loaded = useResource(
    useCallback(() => api.entry(id), [api, id]),
    t('error.generic'),
  );
  const [changed, setChanged] = useState<JournalEntryView>();
  const entry = changed ?? loaded.data;
  const name = entry?.person.name || t('person.unnamed');
  return (
    <PluginPage
      navigationAction={<BackButton fallback="/plugins/talent" />}
      documentTitle={t('journal.entry.pageTitle', { name })}
      title={entry ? name : t('journal.entry.title')}
      subtitle={t('journal.entry.subtitle')}
    >
      <ResourceState resource={{ data: entry, problem: loaded.problem }} loading={t('list.loading')}>
        {(shown) => <Entry key={`${shown.state}-${shown.version}`} entry={shown} onChanged={setChanged} />}
      </ResourceState>
    </PluginPage>
  );
}
