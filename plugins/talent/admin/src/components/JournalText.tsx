/** A signed text of an entry, read only: each field under its own heading, the recommendations as a list (also the user card's). */
import { Flex, Link, Typography } from '@strapi/design-system';
import type { JournalFields, JournalLink, JournalRecommendation } from '../api-journal';
import { useT } from '../utils/translations';

function LinkText({ link }: { link: JournalLink }) {
  const t = useT();
  const kind = t(`journal.link.kind.${link.kind}`);
  if (link.url)
    return (
      <Link href={link.url} isExternal>
        {kind}: {link.url}
      </Link>
    );
  return (
    <Typography>
      {kind}: {link.slug}
    </Typography>
  );
}

/** The recommendations as a numbered list, each with its links: for the entry and for the user card alike. */
export function JournalRecommendationList({ recommendations }: { recommendations: JournalRecommendation[] }) {
  return (
    <ol>
      {recommendations.map((r, i) => (
        <li key={i}>
          <Typography style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography>
          {r.links.length > 0 && (
            <ul>
              {r.links.map((l, j) => (
                <li key={j}>
                  <LinkText link={l} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

export function JournalText({ fields, notes, level = 'h3' }: { fields: JournalFields; notes?: string; level?: 'h3' | 'h4' }) {
  const t = useT();
  const block = (title: string, text: string) => (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography tag={level} variant="delta">
        {title}
      </Typography>
      <Typography style={{ whiteSpace: 'pre-wrap' }}>{text || '—'}</Typography>
    </Flex>
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {block(t('journal.goal'), fields.goal)}
      {block(t('journal.observations'), fields.observations)}
      {block(t('journal.tests'), fields.tests.map((x) => x.test).join(', '))}
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography tag={level} variant="delta">
          {t('journal.recommendations')}
        </Typography>
        <JournalRecommendationList recommendations={fields.recommendations} />
      </Flex>
      {block(t('journal.nextStep'), fields.nextStep)}
      {notes !== undefined && block(t('journal.notes'), notes)}
    </Flex>
  );
}
