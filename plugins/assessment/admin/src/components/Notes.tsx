/** The specialists' written recommendations on the person: who wrote it, when, and the professions named. */
import { Box, Flex, Typography } from '@strapi/design-system';
import type { Note } from '../api';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';

export function Notes({ notes }: { notes: Note[] }) {
  const t = useT();
  const format = useFormat();
  if (notes.length === 0) return <Typography textColor="neutral600">{t('notes.none')}</Typography>;
  return (
    <Flex tag="ol" direction="column" alignItems="stretch" gap={3} aria-label={t('notes.list')}>
      {notes.map((note) => (
        <Box tag="li" key={note.id} id={`assessment-note-${note.id}`} tabIndex={-1} padding={4} background="neutral100" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="pi" textColor="neutral600">
              {t('notes.by', { author: note.author || t('notes.unknownAuthor'), date: format.dateTime(note.createdAt) })}
            </Typography>
            <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
              {note.text}
            </Typography>
            {note.professions.length > 0 && (
              <Typography variant="pi">{t('notes.professions', { professions: note.professions.map((p) => p.name || p.slug).join(', ') })}</Typography>
            )}
          </Flex>
        </Box>
      ))}
    </Flex>
  );
}
