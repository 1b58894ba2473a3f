/**
 * The entry's fields as a form: the goal, what was observed, the tests discussed (chosen among the
 * person's own attempts), the recommendations (each with links to the catalogue or pages outside),
 * the next step and the private notes. Every field is labelled and shows the server's refusal for it.
 */
import { Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { SelectField, TextField } from '@qabilet/plugin-kit/admin';
import { LINK_KINDS, type JournalEntryView, type JournalLink, type JournalRecommendation, type JournalText, type LinkKind } from '../api-journal';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';

type Props = { value: JournalText; onChange: (value: JournalText) => void; attempts: JournalEntryView['attempts']; errors?: Record<string, string> };

function Links({
  links,
  path,
  onChange,
  errors,
}: {
  links: JournalLink[];
  path: string;
  onChange: (links: JournalLink[]) => void;
  errors: Record<string, string>;
}) {
  const t = useT();
  const set = (i: number, link: JournalLink) => onChange(links.map((l, j) => (j === i ? link : l)));
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {links.map((link, i) => {
        const id = `${path}.links.${i}`;
        const target = link.url !== null ? link.url : (link.slug ?? '');
        return (
          <Flex key={i} gap={2} alignItems="flex-end" wrap="wrap">
            <SelectField
              id={`${id}.kind`}
              label={t('journal.link.kind')}
              value={link.kind}
              options={LINK_KINDS.map((k) => ({ value: k, label: t(`journal.link.kind.${k}`) }))}
              onChange={(kind) => set(i, { ...link, kind: kind as LinkKind })}
              error={errors[`${id}.kind`]}
            />
            <TextField
              id={`${id}.target`}
              label={t('journal.link.target')}
              hint={t('journal.link.target.hint')}
              value={target}
              onChange={(v) => set(i, v.startsWith('http') ? { ...link, url: v, slug: null } : { ...link, slug: v, url: null })}
              error={errors[id] ?? errors[`${id}.slug`] ?? errors[`${id}.url`]}
            />
            <Button variant="tertiary" startIcon={<Trash aria-hidden />} onClick={() => onChange(links.filter((_, j) => j !== i))}>
              {t('journal.link.remove', { n: i + 1 })}
            </Button>
          </Flex>
        );
      })}
      <Box>
        <Button variant="secondary" startIcon={<Plus aria-hidden />} onClick={() => onChange([...links, { kind: 'profession', slug: '', url: null }])}>
          {t('journal.link.add')}
        </Button>
      </Box>
    </Flex>
  );
}

export function JournalForm({ value, onChange, attempts, errors = {} }: Props) {
  const t = useT();
  const { date } = useFormat();
  const set = (patch: Partial<JournalText>) => onChange({ ...value, ...patch });
  const setRec = (i: number, rec: JournalRecommendation) => set({ recommendations: value.recommendations.map((r, j) => (j === i ? rec : r)) });
  // The entry's plain texts: each a labelled text area of its own length.
  const prose = (key: 'goal' | 'observations' | 'nextStep' | 'notes', maxLength: number, hint?: string) => (
    <TextField
      id={key}
      label={t(`journal.${key}`)}
      hint={hint}
      multiline
      maxLength={maxLength}
      value={value[key]}
      onChange={(text) => onChange({ ...value, [key]: text })}
      error={errors[key]}
    />
  );
  const discussed = (id: number) => value.tests.some((x) => x.attempt === id);
  const toggle = (a: JournalEntryView['attempts'][number]) =>
    set({ tests: discussed(a.id) ? value.tests.filter((x) => x.attempt !== a.id) : [...value.tests, { test: a.test, attempt: a.id }] });
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {prose('goal', 2000)}
      {prose('observations', 8000)}
      <Box tag="fieldset" borderWidth={0} padding={0}>
        <Typography tag="legend" variant="pi" fontWeight="bold">
          {t('journal.tests')}
        </Typography>
        {attempts.length ? (
          <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2}>
            {attempts.map((a) => (
              <Checkbox key={a.id} checked={discussed(a.id)} onCheckedChange={() => toggle(a)}>
                {t('journal.tests.attempt', { test: a.test, date: a.finishedAt ? date(a.finishedAt) : '—' })}
              </Checkbox>
            ))}
          </Flex>
        ) : (
          <Typography textColor="neutral600">{t('journal.tests.none')}</Typography>
        )}
        {errors.tests && <Typography textColor="danger600">{errors.tests}</Typography>}
      </Box>
      <Box tag="fieldset" borderWidth={0} padding={0}>
        <Typography tag="legend" variant="pi" fontWeight="bold">
          {t('journal.recommendations')}
        </Typography>
        <Flex direction="column" alignItems="stretch" gap={4} paddingTop={2}>
          {value.recommendations.map((rec, i) => (
            <Box key={i} padding={4} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px">
              <Flex direction="column" alignItems="stretch" gap={2}>
                <TextField
                  id={`recommendations.${i}.text`}
                  label={t('journal.recommendation.text', { n: i + 1 })}
                  multiline
                  maxLength={2000}
                  value={rec.text}
                  onChange={(text) => setRec(i, { ...rec, text })}
                  error={errors[`recommendations.${i}.text`] ?? errors[`recommendations.${i}`]}
                />
                <Links links={rec.links} path={`recommendations.${i}`} onChange={(links) => setRec(i, { ...rec, links })} errors={errors} />
                <Box>
                  <Button
                    variant="danger-light"
                    startIcon={<Trash aria-hidden />}
                    onClick={() => set({ recommendations: value.recommendations.filter((_, j) => j !== i) })}
                  >
                    {t('journal.recommendation.remove', { n: i + 1 })}
                  </Button>
                </Box>
              </Flex>
            </Box>
          ))}
          {errors.recommendations && (
            <Typography id="recommendations-error" textColor="danger600">
              {errors.recommendations}
            </Typography>
          )}
          <Box>
            <Button
              variant="secondary"
              startIcon={<Plus aria-hidden />}
              onClick={() => set({ recommendations: [...value.recommendations, { text: '', links: [] }] })}
            >
              {t('journal.recommendation.add')}
            </Button>
          </Box>
        </Flex>
      </Box>
      {prose('nextStep', 2000)}
      {prose('notes', 8000, t('journal.notes.hint'))}
    </Flex>
  );
}
