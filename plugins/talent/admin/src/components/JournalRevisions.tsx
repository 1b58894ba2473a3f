/** The signed texts of an entry, newest first: who signed each, when and why it was amended; each text opens in place. */
import { Accordion, Flex, Typography } from '@strapi/design-system';
import type { JournalRevision } from '../api-journal';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { JournalText } from './JournalText';

export function JournalRevisions({ revisions }: { revisions: JournalRevision[] }) {
  const t = useT();
  const { dateTime } = useFormat();
  if (!revisions.length) return <Typography textColor="neutral600">{t('journal.revisions.none')}</Typography>;
  return (
    <Accordion.Root>
      {revisions.map((r) => (
        <Accordion.Item key={r.revision} value={String(r.revision)}>
          <Accordion.Header>
            <Accordion.Trigger description={r.reason ? t('journal.revision.reason', { reason: r.reason }) : undefined}>
              {t('journal.revision.title', { n: r.revision, name: r.signedBy.name, at: dateTime(r.signedAt) })}
            </Accordion.Trigger>
          </Accordion.Header>
          <Accordion.Content>
            <Flex padding={4} direction="column" alignItems="stretch">
              <JournalText fields={r.fields} notes={r.notes} level="h4" />
            </Flex>
          </Accordion.Content>
        </Accordion.Item>
      ))}
    </Accordion.Root>
  );
}
