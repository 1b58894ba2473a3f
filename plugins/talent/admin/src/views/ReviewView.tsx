/**
 * The coordinator's sample checks of the consultation journal: draw a random sample of a period's
 * signed entries of the region, see the samples drawn (by whom, when, how far reviewed), and open
 * one to review its entries.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { DataTable, ResourceState, Section, TextField, TitledForm, problemOf, useResource, type Problem } from '@qabilet/plugin-kit/admin';
import { useJournalApi, type JournalSampleView } from '../api-journal';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { ReviewSample } from './ReviewSample';

/** The draw form's fields: the period's first and last days and the sample's size. */
const DRAW_FIELDS = [
  { key: 'from', type: 'date' },
  { key: 'to', type: 'date' },
  { key: 'size', inputMode: 'numeric' },
] as const;

function DrawForm({ onDrawn }: { onDrawn: (sample: JournalSampleView) => void }) {
  const t = useT();
  const api = useJournalApi();
  const [form, setForm] = useState({ from: '', to: '', size: '10' });
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setProblem(undefined);
    try {
      onDrawn(await api.draw({ ...form, size: /^\d+$/.test(form.size) ? Number(form.size) : form.size }));
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    } finally {
      setSending(false);
    }
  };
  const general = problem && !DRAW_FIELDS.some(({ key }) => key in problem.fields);
  return (
    <TitledForm titleId="journal-draw-title" title={t('review.draw.title')} level="h3" gap={4} onSubmit={submit}>
      <Flex gap={4} wrap="wrap" alignItems="flex-start">
        {DRAW_FIELDS.map(({ key, ...input }) => (
          <TextField
            key={key}
            id={key}
            {...input}
            label={t(`review.draw.${key}`)}
            required
            value={form[key]}
            onChange={(text) => setForm({ ...form, [key]: text })}
            error={problem?.fields[key]}
          />
        ))}
      </Flex>
      {general && (
        <Typography role="alert" textColor="danger600">
          {problem.message}
        </Typography>
      )}
      <Box>
        <Button type="submit" loading={sending}>
          {t('review.draw.submit')}
        </Button>
      </Box>
    </TitledForm>
  );
}

export function ReviewView() {
  const t = useT();
  const api = useJournalApi();
  const { date, dateTime } = useFormat();
  const samples = useResource(
    useCallback(() => api.samples(), [api]),
    t('error.generic'),
  );
  const [open, setOpen] = useState<number>();
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Section id="journal-draw" title={t('review.title')}>
        <DrawForm
          onDrawn={(sample) => {
            setOpen(sample.id);
            samples.reload();
          }}
        />
      </Section>
      <Section id="journal-samples" title={t('review.samples.title')}>
        <ResourceState resource={samples} loading={t('list.loading')}>
          {(drawn) =>
            drawn.length ? (
              <DataTable
                caption={t('review.samples.caption')}
                columns={[t('review.column.period'), t('review.column.drawn'), t('review.column.reviewed'), t('review.column.open')]}
                rows={drawn.map((s) => ({
                  key: String(s.id),
                  cells: [
                    t('review.period', { from: date(s.from), to: date(s.to) }),
                    t('review.drawnBy', { name: s.drawnBy.name, at: dateTime(s.drawnAt) }),
                    t('review.progress', { reviewed: s.reviewed, size: s.size }),
                    <Button key="open" variant="tertiary" aria-pressed={open === s.id} onClick={() => setOpen(s.id)}>
                      {t('review.open', { n: s.id })}
                    </Button>,
                  ],
                }))}
              />
            ) : (
              <Typography>{t('review.samples.empty')}</Typography>
            )
          }
        </ResourceState>
      </Section>
      {open !== undefined && <ReviewSample key={open} id={open} onReviewed={samples.reload} />}
    </Flex>
  );
}
