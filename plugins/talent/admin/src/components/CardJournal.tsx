/** The consultation journal's signed recommendations on the card: each consultation (day, specialist), its recommendations with their links, and the next step. */
import { Flex, Link, Typography } from '@strapi/design-system';
import type { JournalLink, JournalRecommendationsItem } from '@qabilet/domain';
import { useT, type MessageKey } from '../utils/translations';
import { useFormat } from '../utils/format';

function LinkText({ link }: { link: JournalLink }) {
  const t = useT();
  const kind = t(`journal.link.kind.${link.kind}` as MessageKey);
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

export function CardJournalView({ items }: { items: JournalRecommendationsItem[] }) {
  const t = useT();
  const format = useFormat();
  if (!items.length) return <Typography textColor="neutral600">{t('card.journal.none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {items.map((item, i) => (
        <Flex key={`${item.date}-${i}`} tag="section" direction="column" alignItems="stretch" gap={2} aria-labelledby={`talent-card-journal-${i}`}>
          <Typography id={`talent-card-journal-${i}`} tag="h3" variant="delta">
            {t('card.journal.entry', { service: t(`card.service.${item.service}` as MessageKey), date: format.date(item.date), specialist: item.specialist })}
          </Typography>
          <ol>
            {item.recommendations.map((r, j) => (
              <li key={j}>
                <Typography style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography>
                {r.links.length > 0 && (
                  <ul>
                    {r.links.map((link, k) => (
                      <li key={k}>
                        <LinkText link={link} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {item.nextStep ? <Typography>{t('card.journal.nextStep', { step: item.nextStep })}</Typography> : null}
        </Flex>
      ))}
    </Flex>
  );
}
