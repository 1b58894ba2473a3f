/**
 * A partner's form, to add one or to change one: its kind (chosen once, when it is added), its name,
 * the settings of its kind and the tests it offers with their scale mapping. What the server refuses
 * is listed at the top (which takes focus) and shown beside each field it names.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Box, Button, Checkbox, Flex, Grid, Radio, Typography } from '@strapi/design-system';
import { useResource, type Problem } from '@qabilet/plugin-kit/admin';
import { PARTNER_KINDS, usePartnersApi, type Centre, type PartnerKind } from '../api';
import { withKind, type PartnerDraft } from '../utils/draft';
import { fieldId } from '../utils/fieldErrors';
import { useT } from '../utils/translations';
import { ErrorSummary } from './ErrorSummary';
import { PartnerField } from './Fields';
import { KindSettings } from './KindSettings';
import { TestsEditor } from './TestsEditor';

type Props = {
  prefix: string;
  title: string;
  initial: PartnerDraft;
  /** A partner being changed: its kind is fixed, and it may be switched off. */
  editing?: { active: boolean };
  submitLabel: string;
  /** Resolves to the refusal, or to nothing when the server agreed. */
  onSubmit: (draft: PartnerDraft, active: boolean) => Promise<Problem | undefined>;
  actions?: ReactNode;
};

export function PartnerForm({ prefix, title, initial, editing, submitLabel, onSubmit, actions }: Props) {
  const t = useT();
  const api = usePartnersApi();
  const [draft, setDraft] = useState(initial);
  const [active, setActive] = useState(editing?.active ?? true);
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const scales = useResource(
    useCallback(() => api.scales(), [api]),
    t('error.generic'),
  );
  const [centres, setCentres] = useState<Centre[]>([]);
  const desktop = draft.kind === 'desktop';
  useEffect(() => {
    if (!desktop) return;
    const controller = new AbortController();
    api.centres(controller.signal).then(setCentres, () => undefined);
    return () => controller.abort();
  }, [api, desktop]);

  useEffect(() => setDraft(initial), [initial]);
  const errors = problem?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const refused = await onSubmit(draft, active);
    setSending(false);
    setProblem(refused);
  }

  const chooseKind = (kind: PartnerKind) => {
    setDraft((d) => withKind(d, kind));
    setProblem(undefined);
  };

  return (
    <Box tag="form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-title`} background="neutral0" hasRadius shadow="filterShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Typography id={`${prefix}-title`} tag="h2" variant="beta">
          {title}
        </Typography>
        <ErrorSummary id={`${prefix}-errors`} prefix={prefix} problem={problem} />
        {scales.problem && (
          <Typography role="alert" textColor="danger600">
            {t('scales.failed', { message: scales.problem.message })}
          </Typography>
        )}
        {editing ? (
          <Typography>
            <Typography fontWeight="bold">{t('field.kind')}:</Typography> {t(`kind.${draft.kind}`)}
          </Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={2} id={fieldId(prefix, 'kind')}>
            <Typography id={`${prefix}-kind-label`} variant="delta" fontWeight="bold" textColor="neutral800">
              {t('field.kind')}
            </Typography>
            <Radio.Group
              value={draft.kind}
              onValueChange={(value) => chooseKind(value as PartnerKind)}
              aria-labelledby={`${prefix}-kind-label`}
              aria-describedby={errors.kind ? `${prefix}-kind-error` : undefined}
            >
              <Flex direction="column" alignItems="flex-start" gap={3}>
                {PARTNER_KINDS.map((kind) => (
                  <Flex key={kind} direction="column" alignItems="flex-start" gap={1}>
                    <Radio.Item value={kind} aria-describedby={`${prefix}-kind-${kind}-hint`}>
                      {t(`kind.${kind}`)}
                    </Radio.Item>
                    <Typography id={`${prefix}-kind-${kind}-hint`} variant="pi" textColor="neutral600" paddingLeft={6}>
                      {t(`kind.${kind}.hint`)}
                    </Typography>
                  </Flex>
                ))}
              </Flex>
            </Radio.Group>
            {errors.kind && (
              <Typography id={`${prefix}-kind-error`} variant="pi" textColor="danger600">
                {errors.kind}
              </Typography>
            )}
          </Flex>
        )}
        <Grid.Root gap={4}>
          <PartnerField form={{ prefix, errors, draft, onChange: setDraft }} name="name" required maxLength={120} />
          {editing && (
            <Grid.Item col={6} xs={12} direction="column" alignItems="flex-start">
              <Checkbox
                id={fieldId(prefix, 'active')}
                checked={active}
                onCheckedChange={(on) => setActive(on === true)}
                aria-describedby={`${prefix}-active-hint`}
              >
                {t('field.active')}
              </Checkbox>
              <Typography id={`${prefix}-active-hint`} variant="pi" textColor={errors.active ? 'danger600' : 'neutral600'}>
                {errors.active ?? t('field.active.hint')}
              </Typography>
            </Grid.Item>
          )}
        </Grid.Root>
        <KindSettings prefix={prefix} draft={draft} onChange={setDraft} errors={errors} centres={centres} />
        <TestsEditor
          prefix={prefix}
          kind={draft.kind}
          tests={draft.tests}
          onChange={(tests) => setDraft({ ...draft, tests })}
          errors={errors}
          scales={scales.data ?? []}
        />
        <Flex gap={2} wrap="wrap">
          <Button type="submit" loading={sending}>
            {submitLabel}
          </Button>
          {actions}
        </Flex>
      </Flex>
    </Box>
  );
}
