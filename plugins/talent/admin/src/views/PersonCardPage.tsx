/**
 * A person's card (`/plugins/talent/people/:id`): every section the server sends, in its order,
 * each under its own heading; the call-centre operator's card has the name, the phone and the open
 * requests only. The way back returns to the registry as it was left (its filters live in the address).
 */
import { useCallback, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Flex } from '@strapi/design-system';
import { BackButton, Page } from '@strapi/strapi/admin';
import { PluginPage, ProblemText, Section, useResource } from '@qabilet/plugin-kit/admin';
import { useCardsApi, type UserCardView } from '../api-cards';
import { cardViewOf } from '../components/CardViews';
import { CardExport } from '../components/CardExport';
import { PLUGIN_ID } from '../pluginId';
import { useT, type MessageKey } from '../utils/translations';

export function PersonCardPage() {
  const t = useT();
  const api = useCardsApi();
  const { id = '' } = useParams<{ id: string }>();
  const card = useResource(
    useCallback(() => api.card(id), [api, id]),
    t('error.generic'),
  );
  const back = <BackButton fallback={`/plugins/${PLUGIN_ID}`} />;
  if (card.loading && !card.data) return <Page.Loading />;
  if (!card.data)
    return (
      <PluginPage navigationAction={back} title={t('card.title')}>
        <ProblemText message={card.problem?.message ?? t('error.generic')} />
      </PluginPage>
    );
  return <CardView card={card.data} back={back} />;
}

function CardView({ card, back }: { card: UserCardView; back: ReactNode }) {
  const t = useT();
  const name = card.name || t('person.unnamed');
  const shown = card.order.flatMap((section) => {
    const view = cardViewOf(section);
    return view ? [{ section, view }] : [];
  });
  return (
    <PluginPage
      documentTitle={t('card.pageTitle', { name })}
      navigationAction={back}
      title={name}
      subtitle={t(`kind.${card.kind}` as MessageKey)}
      primaryAction={card.limited ? undefined : <CardExport id={String(card.id)} />}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        {shown.map(({ section, view }) => (
          <Section key={section} id={`talent-card-${section}`} title={t(view.title)}>
            {view.render(card.sections[section])}
          </Section>
        ))}
      </Flex>
    </PluginPage>
  );
}
