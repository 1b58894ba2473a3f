/**
 * One sample of the journal: its entries (each opens in its own page) and the review of each —
 * "ok", or "needs correction" with what to correct — recorded in a small dialog.
 */
import { useCallback, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { DataTable, FormDialog, ResourceState, Section, SelectField, TextField, problemOf, useResource } from '@qabilet/plugin-kit/admin';
import { useJournalApi, type JournalReviewVerdict, type JournalSampleView } from '../api-journal';
import { PLUGIN_ID } from '../pluginId';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';

type Entry = JournalSampleView['entries'][number];

function ReviewDialog({ sample, entry, onClose, onDone }: { sample: number; entry: Entry; onClose: () => void; onDone: (view: JournalSampleView) => void }) {
  const t = useT();
  const api = useJournalApi();
  const [verdict, setVerdict] = useState<JournalReviewVerdict | ''>(entry.review?.verdict ?? '');
  const [comment, setComment] = useState(entry.review?.comment ?? '');
  return (
    <FormDialog
      title={t('review.dialog.title', { name: entry.person.name || t('person.unnamed') })}
      submit={t('review.dialog.submit')}
      close={t('dialog.close')}
      back={t('dialog.back')}
      onClose={onClose}
      onSubmit={async () => {
        try {
          onDone(await api.review(sample, { entryId: entry.id, verdict, comment }));
          return undefined;
        } catch (error) {
          return problemOf(error, t('error.generic'));
        }
      }}
    >
      {(problem) => (
        <>
          <SelectField
            id="verdict"
            label={t('review.verdict')}
            required
            value={verdict}
            placeholder={t('review.verdict.choose')}
            options={[
              { value: 'ok', label: t('review.verdict.ok') },
              { value: 'needs-correction', label: t('review.verdict.needs-correction') },
            ]}
            onChange={(v) => setVerdict(v as JournalReviewVerdict)}
            error={problem?.fields.verdict}
          />
          <TextField
            id="comment"
            label={t('review.comment')}
            hint={t('review.comment.hint')}
            multiline
            maxLength={2000}
            value={comment}
            onChange={setComment}
            error={problem?.fields.comment}
          />
        </>
      )}
    </FormDialog>
  );
}

export function ReviewSample({ id, onReviewed }: { id: number; onReviewed: () => void }) {
  const t = useT();
  const api = useJournalApi();
  const { date, dateTime } = useFormat();
  const loaded = useResource(
    useCallback(() => api.sample(id), [api, id]),
    t('error.generic'),
  );
  const [changed, setChanged] = useState<JournalSampleView>();
  const [reviewing, setReviewing] = useState<Entry>();
  return (
    <Section id="journal-sample" title={t('review.sample.title', { n: id })}>
      <ResourceState resource={{ data: changed ?? loaded.data, problem: loaded.problem }} loading={t('list.loading')}>
        {(sample) => (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography aria-live="polite">{t('review.progress', { reviewed: sample.reviewed, size: sample.size })}</Typography>
            <DataTable
              caption={t('review.entries.caption', { from: date(sample.from), to: date(sample.to) })}
              columns={[
                t('journal.column.heldAt'),
                t('journal.column.specialist'),
                t('journal.column.person'),
                t('review.column.review'),
                t('review.column.act'),
              ]}
              rows={sample.entries.map((e) => ({
                key: String(e.id),
                cells: [
                  <Link key="open" tag={RouterLink} to={`/plugins/${PLUGIN_ID}/journal/${e.id}`}>
                    {dateTime(e.heldAt)}
                  </Link>,
                  e.specialist.name,
                  e.person.name || t('person.unnamed'),
                  e.review ? `${t(`review.verdict.${e.review.verdict}`)}${e.review.comment ? `: ${e.review.comment}` : ''}` : t('review.none'),
                  <Button key="review" variant="secondary" onClick={() => setReviewing(e)}>
                    {t('review.record', { name: e.person.name || t('person.unnamed') })}
                  </Button>,
                ],
              }))}
            />
          </Flex>
        )}
      </ResourceState>
      {reviewing && (
        <ReviewDialog
          sample={id}
          entry={reviewing}
          onClose={() => setReviewing(undefined)}
          onDone={(view) => {
            setReviewing(undefined);
            setChanged(view);
            onReviewed();
          }}
        />
      )}
    </Section>
  );
}
