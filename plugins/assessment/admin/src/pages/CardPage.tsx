/**
 * A person's card, as a specialist or a coordinator reads it during a consultation: who they are,
 * their profile in words, the professions that fit them best and why, every test they finished
 * (with the change since the previous attempt) and the specialists' written recommendations, which
 * a specialist adds to here.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Box, Flex, Loader } from '@strapi/design-system';
import { BackButton, Page, useRBAC } from '@strapi/strapi/admin';
import { PluginPage, Section, useResource } from '@qabilet/plugin-kit/admin';
import { PERSON_KINDS, useAssessmentApi, type Card, type Note, type PersonKind } from '../api';
import { NoteForm } from '../components/NoteForm';
import { Notes } from '../components/Notes';
import { ProfileView } from '../components/ProfileView';
import { Recommendations } from '../components/Recommendations';
import { Refusal } from '../components/Refusal';
import { Results } from '../components/Results';
import { External } from '../components/External';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { useFormat, useRegionName } from '../utils/format';
import { useT } from '../utils/translations';

const isKind = (kind: string | undefined): kind is PersonKind => PERSON_KINDS.includes(kind as PersonKind);

export function CardPage() {
  const t = useT();
  const api = useAssessmentApi();
  const { kind, id } = useParams<{ kind: string; id: string }>();
  const valid = isKind(kind) && Boolean(id);
  const card = useResource(
    useCallback(() => (isKind(kind) && id ? api.card(kind, id) : Promise.reject(new Error('unknown person'))), [api, kind, id]),
    t('error.generic'),
  );
  const { allowedActions, isLoading: checkingRights } = useRBAC(PERMISSIONS.recommend);
  const back = <BackButton fallback={`/plugins/${PLUGIN_ID}`} />;

  if (card.loading && !card.data) return <Page.Loading />;
  if (!valid || !card.data || checkingRights) {
    if (checkingRights && card.data) return <Page.Loading />;
    const problem = valid ? (card.problem ?? { message: t('error.generic'), fields: {} }) : { message: '', fields: {}, status: 404 };
    return (
      <PluginPage navigationAction={back} title={t('card.title')}>
        <Refusal problem={problem} card />
      </PluginPage>
    );
  }
  return (
    <CardView
      card={card.data}
      kind={kind as PersonKind}
      id={id!}
      canRecommend={Boolean(allowedActions.canRecommend)}
      reloading={card.loading}
      reload={card.reload}
      back={back}
    />
  );
}

type ViewProps = { card: Card; kind: PersonKind; id: string; canRecommend: boolean; reloading: boolean; reload: () => void; back: ReactNode };

function CardView({ card, kind, id, canRecommend, reloading, reload, back }: ViewProps) {
  const t = useT();
  const format = useFormat();
  const regionName = useRegionName();
  const { person, profile, results, external } = card;
  const name = person.name || t('person.unnamed');
  // The note just added: focus moves to it once the reloaded card lists it.
  const [added, setAdded] = useState<Note['id'] | null>(null);
  const notesHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (added === null || !profile.notes.some((note) => String(note.id) === String(added))) return;
    (document.getElementById(`assessment-note-${added}`) ?? notesHeading.current)?.focus();
    setAdded(null);
  }, [added, profile.notes]);

  // The card's person carries no counts (the list's do): its results give them.
  const attempts = results.length;
  const lastFinishedAt = results[0]?.finishedAt ?? null;
  const facts = [
    person.kind === 'child' ? t('person.child') : null,
    person.age !== null && person.age !== undefined ? t('person.age', { age: person.age }) : null,
    regionName(person.region),
    t('person.attempts', { attempts }),
    lastFinishedAt ? t('person.lastResult', { date: format.date(lastFinishedAt) }) : null,
  ].filter(Boolean);

  return (
    <PluginPage documentTitle={t('card.pageTitle', { name })} navigationAction={back} title={name} subtitle={facts.join(' · ')}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Section id="assessment-profile" title={t('profile.title')}>
          <ProfileView profile={profile} />
        </Section>
        <Section id="assessment-recommendations" title={t('rec.title')}>
          <Recommendations recommendations={profile.recommendations} />
        </Section>
        <Section id="assessment-results" title={t('results.title')}>
          <Results results={results} />
        </Section>
        <Section id="assessment-external" title={t('external.title')}>
          <External results={external} />
        </Section>
        <Section id="assessment-notes" title={t('notes.title')} headingRef={notesHeading}>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Notes notes={profile.notes} />
            {canRecommend && (
              <Box paddingTop={2}>
                <NoteForm
                  kind={kind}
                  id={id}
                  recommendations={profile.recommendations}
                  onAdded={(note) => {
                    setAdded(note.id);
                    reload();
                  }}
                />
              </Box>
            )}
            {reloading && <Loader small>{t('card.reloading')}</Loader>}
          </Flex>
        </Section>
      </Flex>
    </PluginPage>
  );
}
