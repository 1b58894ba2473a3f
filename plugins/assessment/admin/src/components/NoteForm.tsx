/**
 * "Add a recommendation", written by a specialist during a consultation: a text (1–2000 characters)
 * and up to five professions, chosen among the person's recommendations or found in the catalogue
 * (by name, or typed as a slug). The server's words for a field are shown beside it, and focus goes
 * to the first field it refused.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { Box, Button, Checkbox, Field, Flex, Tag, TextInput, Typography } from '@strapi/design-system';
import { Cross, Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { isAbort, problemOf, ProblemText, TextField, TitledForm, type Problem } from '@qabilet/plugin-kit/admin';
import { useAssessmentApi, type Note, type PersonKind, type ProfessionHit, type Recommendation } from '../api';
import { useT } from '../utils/translations';

export const MAX_TEXT = 2000;
export const MAX_PROFESSIONS = 5;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type Props = { kind: PersonKind; id: string; recommendations: Recommendation[]; onAdded: (note: Note) => void };

/** The professions' field errors: the list's own and those of each slug (`professions.2`). */
const professionErrors = (fields: Record<string, string>) =>
  Object.entries(fields)
    .filter(([key]) => key === 'professions' || key.startsWith('professions.'))
    .map(([, message]) => message);

export function NoteForm({ kind, id, recommendations, onAdded }: Props) {
  const t = useT();
  const api = useAssessmentApi();
  const { toggleNotification } = useNotification();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ProfessionHit[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const professionsRef = useRef<HTMLFieldSetElement>(null);
  const uid = useId();
  const fields = problem?.fields ?? {};
  const professionProblems = professionErrors(fields);
  const full = chosen.length >= MAX_PROFESSIONS;
  const isChosen = (slug: string) => chosen.some((p) => p.slug === slug);
  const recommended = new Set(recommendations.map((r) => r.profession.slug));
  const others = chosen.filter((p) => !recommended.has(p.slug));

  const toggle = (hit: ProfessionHit, on: boolean) =>
    setChosen((previous) =>
      on
        ? previous.some((p) => p.slug === hit.slug) || previous.length >= MAX_PROFESSIONS
          ? previous
          : [...previous, hit]
        : previous.filter((p) => p.slug !== hit.slug),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    try {
      const note = await api.addNote(kind, id, { text: text.trim(), professions: chosen.map((p) => p.slug) });
      toggleNotification({ type: 'success', message: t('note.added') });
      setText('');
      setChosen([]);
      setProblem(undefined);
      onAdded(note);
    } catch (error) {
      const next = problemOf(error, t('error.generic'));
      setProblem(next);
      // The first field the server refused takes focus, so that its message is read out with it.
      if (next.fields.text) textRef.current?.focus();
      else if (professionErrors(next.fields).length) professionsRef.current?.querySelector<HTMLElement>('button, input')?.focus();
    } finally {
      setSending(false);
    }
  }

  const fieldErrors = Object.keys(fields).filter((k) => k !== '').length > 0;
  const professionsErrorId = `${uid}-professions-error`;
  return (
    <TitledForm titleId="assessment-note-title" title={t('note.title')} level="h3" onSubmit={submit}>
      <Box>
        <TextField
          multiline
          id="assessment-note-text"
          label={t('note.text')}
          hint={t('note.text.hint', { max: MAX_TEXT })}
          required
          maxLength={MAX_TEXT}
          value={text}
          onChange={setText}
          error={fields.text}
          textAreaRef={textRef}
        />
        <Typography variant="pi" textColor="neutral600" aria-hidden="true">
          {t('note.count', { count: text.length, max: MAX_TEXT })}
        </Typography>
      </Box>
      <Box
        tag="fieldset"
        ref={professionsRef}
        aria-describedby={professionProblems.length ? `${professionsErrorId} ${uid}-professions-hint` : `${uid}-professions-hint`}
        borderWidth={0}
        padding={0}
        margin={0}
      >
        <Typography tag="legend" variant="pi" fontWeight="bold" textColor="neutral800">
          {t('note.professions')}
        </Typography>
        <Flex direction="column" alignItems="stretch" gap={3} paddingTop={1}>
          <Typography id={`${uid}-professions-hint`} variant="pi" textColor="neutral600">
            {t('note.professions.hint', { max: MAX_PROFESSIONS, count: chosen.length })}
          </Typography>
          {recommendations.length > 0 && (
            <Flex direction="column" alignItems="flex-start" gap={2}>
              {recommendations.map((r) => (
                <Checkbox
                  key={r.profession.slug}
                  checked={isChosen(r.profession.slug)}
                  disabled={!isChosen(r.profession.slug) && full}
                  onCheckedChange={(on) => toggle({ slug: r.profession.slug, name: r.profession.name }, on === true)}
                >
                  {t('note.recommended', { name: r.profession.name, fit: Math.round(r.fit) })}
                </Checkbox>
              ))}
            </Flex>
          )}
          {others.length > 0 && (
            <Flex gap={2} wrap="wrap" aria-label={t('note.others')} role="group">
              {others.map((p) => (
                <Tag key={p.slug} icon={<Cross />} label={t('note.remove', { name: p.name })} onClick={() => toggle(p, false)}>
                  {p.name}
                </Tag>
              ))}
            </Flex>
          )}
          <ProfessionSearch disabled={full} isChosen={isChosen} onAdd={(hit) => toggle(hit, true)} />
          {professionProblems.length > 0 && (
            <Typography id={professionsErrorId} variant="pi" textColor="danger600">
              {professionProblems.join(' ')}
            </Typography>
          )}
        </Flex>
      </Box>
      {problem && !fieldErrors && <ProblemText message={problem.message} />}
      <Flex gap={2}>
        <Button type="submit" loading={sending} startIcon={<Plus />}>
          {t('note.submit')}
        </Button>
      </Flex>
    </TitledForm>
  );
}

type SearchProps = { disabled: boolean; isChosen: (slug: string) => boolean; onAdd: (hit: ProfessionHit) => void };

/** Another profession: names from the public catalogue as one types, or the slug typed itself. */
function ProfessionSearch({ disabled, isChosen, onAdd }: SearchProps) {
  const t = useT();
  const api = useAssessmentApi();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProfessionHit[]>([]);
  const [searching, setSearching] = useState(false);
  const wanted = query.trim();

  useEffect(() => {
    if (wanted.length < 2) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      api.professions(wanted, controller.signal).then(
        (found) => {
          setHits(found);
          setSearching(false);
        },
        (error) => {
          if (isAbort(error)) return;
          setHits([]);
          setSearching(false);
        },
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, wanted]);

  const slug = wanted.toLowerCase();
  const typedSlug = SLUG.test(slug) && !hits.some((h) => h.slug === slug) ? slug : null;
  const add = (hit: ProfessionHit) => {
    onAdd(hit);
    setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds what was typed rather than sending the whole form.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const exact = hits.find((h) => h.slug === slug || h.name.toLowerCase() === wanted.toLowerCase()) ?? (hits.length === 1 ? hits[0] : undefined);
    if (exact && !isChosen(exact.slug)) add(exact);
    else if (typedSlug && !isChosen(typedSlug)) add({ slug: typedSlug, name: typedSlug });
  };
  const choices = hits.filter((h) => !isChosen(h.slug));

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root name="assessment-note-search" id="assessment-note-search" hint={t('note.search.hint')}>
        <Field.Label>{t('note.search')}</Field.Label>
        <TextInput
          type="search"
          autoComplete="off"
          value={query}
          disabled={disabled}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <Field.Hint />
      </Field.Root>
      <Box aria-live="polite">
        {wanted.length >= 2 && !searching && (choices.length > 0 || typedSlug) && (
          <Flex gap={2} wrap="wrap" role="group" aria-label={t('note.search.found')}>
            {choices.map((hit) => (
              <Button key={hit.slug} type="button" variant="secondary" size="S" startIcon={<Plus />} disabled={disabled} onClick={() => add(hit)}>
                {t('note.search.add', { name: hit.name })}
              </Button>
            ))}
            {typedSlug && !isChosen(typedSlug) && (
              <Button
                type="button"
                variant="tertiary"
                size="S"
                startIcon={<Plus />}
                disabled={disabled}
                onClick={() => add({ slug: typedSlug, name: typedSlug })}
              >
                {t('note.search.addSlug', { slug: typedSlug })}
              </Button>
            )}
          </Flex>
        )}
        {wanted.length >= 2 && !searching && choices.length === 0 && !typedSlug && (
          <Typography variant="pi" textColor="neutral600">
            {t('note.search.none')}
          </Typography>
        )}
      </Box>
    </Flex>
  );
}
