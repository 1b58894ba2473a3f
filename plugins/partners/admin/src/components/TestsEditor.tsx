/**
 * The tests a partner offers, each with its key, its name in the three languages, its address
 * where its kind has one, and its scale mapping: which of the partner's scores becomes which of our
 * scales, and the range the partner's score is given in.
 */
import { useEffect, useState } from 'react';
import { Box, Button, Grid } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { SelectField } from '@qabilet/plugin-kit/admin';
import { LANGUAGES, type PartnerKind, type Scale } from '../api';
import { emptyScale, emptyTest, type ScaleDraft, type TestDraft } from '../utils/draft';
import { errorAt, errorUnder, fieldId, type FieldErrors } from '../utils/fieldErrors';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';
import { FieldGroup, TextField } from './Fields';

type Props = { prefix: string; kind: PartnerKind; tests: TestDraft[]; onChange: (tests: TestDraft[]) => void; errors: FieldErrors; scales: Scale[] };

/** Focus goes to the first field of what was just added, or to the list's add button once a part is removed. */
function usePendingFocus() {
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (!pending) return;
    const element = document.getElementById(pending);
    (element?.matches('input, button') ? element : element?.querySelector<HTMLElement>('input, button, [role="combobox"]'))?.focus();
    setPending(null);
  }, [pending]);
  return setPending;
}

export function TestsEditor({ prefix, kind, tests, onChange, errors, scales }: Props) {
  const t = useT();
  const focus = usePendingFocus();
  const addId = `${prefix}-tests-add`;
  const set = (index: number, test: TestDraft) => onChange(tests.map((x, i) => (i === index ? test : x)));
  return (
    <FieldGroup id={fieldId(prefix, 'tests')} legend={t('tests.legend')} hint={t(`tests.hint.${kind}`)} error={errorAt(errors, 'tests')}>
      {tests.map((test, index) => (
        <TestFields
          key={test.uid}
          prefix={prefix}
          kind={kind}
          index={index}
          test={test}
          scales={scales}
          errors={errors}
          onChange={(next) => set(index, next)}
          onRemove={
            tests.length > 1
              ? () => {
                  onChange(tests.filter((_, i) => i !== index));
                  focus(addId);
                }
              : undefined
          }
        />
      ))}
      <Box>
        <Button
          id={addId}
          type="button"
          variant="secondary"
          startIcon={<Plus />}
          onClick={() => {
            onChange([...tests, emptyTest(kind)]);
            focus(fieldId(prefix, `tests.${tests.length}.key`));
          }}
        >
          {t('tests.add')}
        </Button>
      </Box>
    </FieldGroup>
  );
}

type TestProps = {
  prefix: string;
  kind: PartnerKind;
  index: number;
  test: TestDraft;
  scales: Scale[];
  errors: FieldErrors;
  onChange: (test: TestDraft) => void;
  onRemove?: () => void;
};

function TestFields({ prefix, kind, index, test, scales, errors, onChange, onRemove }: TestProps) {
  const t = useT();
  const focus = usePendingFocus();
  const path = `tests.${index}`;
  const n = index + 1;
  const addScaleId = `${prefix}-${path.replace('.', '-')}-scales-add`;
  const setScale = (i: number, scale: ScaleDraft) => onChange({ ...test, scales: test.scales.map((x, j) => (j === i ? scale : x)) });
  return (
    <FieldGroup id={fieldId(prefix, path)} legend={t('test.legend', { n })} error={errorAt(errors, path)} boxed>
      <Grid.Root gap={4}>
        <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
          <TextField
            id={fieldId(prefix, `${path}.key`)}
            label={t('test.key')}
            hint={t('test.key.hint')}
            required
            maxLength={40}
            value={test.key}
            onChange={(key) => onChange({ ...test, key })}
            error={errorUnder(errors, `${path}.key`)}
          />
        </Grid.Item>
        {kind !== 'desktop' && (
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
            <TextField
              id={fieldId(prefix, `${path}.url`)}
              label={t(kind === 'callback' ? 'test.url.callback' : 'test.url.lti')}
              hint={t(kind === 'callback' ? 'test.url.callback.hint' : 'test.url.lti.hint')}
              type="url"
              inputMode="url"
              required={kind === 'callback'}
              maxLength={500}
              value={test.url}
              onChange={(url) => onChange({ ...test, url })}
              error={errorUnder(errors, `${path}.url`)}
            />
          </Grid.Item>
        )}
      </Grid.Root>
      <FieldGroup id={fieldId(prefix, `${path}.name`)} legend={t('test.name')} hint={t('test.name.hint')} error={errorAt(errors, `${path}.name`)}>
        <Grid.Root gap={4}>
          {LANGUAGES.map((language) => (
            <Grid.Item key={language} col={4} s={12} direction="column" alignItems="stretch">
              <TextField
                id={fieldId(prefix, `${path}.name.${language}`)}
                label={t(`test.name.${language}`)}
                required
                maxLength={120}
                value={test.name[language]}
                onChange={(value) => onChange({ ...test, name: { ...test.name, [language]: value } })}
                error={errorUnder(errors, `${path}.name.${language}`)}
              />
            </Grid.Item>
          ))}
        </Grid.Root>
      </FieldGroup>
      <FieldGroup id={fieldId(prefix, `${path}.scales`)} legend={t('scales.legend')} hint={t(`scales.hint.${kind}`)} error={errorAt(errors, `${path}.scales`)}>
        {test.scales.map((scale, i) => (
          <ScaleRow
            key={scale.uid}
            prefix={prefix}
            kind={kind}
            path={`${path}.scales.${i}`}
            n={i + 1}
            testN={n}
            scale={scale}
            scales={scales}
            errors={errors}
            onChange={(next) => setScale(i, next)}
            onRemove={() => {
              onChange({ ...test, scales: test.scales.filter((_, j) => j !== i) });
              focus(addScaleId);
            }}
          />
        ))}
        <Box>
          <Button
            id={addScaleId}
            type="button"
            variant="tertiary"
            startIcon={<Plus />}
            onClick={() => {
              onChange({ ...test, scales: [...test.scales, emptyScale(kind)] });
              focus(fieldId(prefix, `${path}.scales.${test.scales.length}.${kind === 'lti' ? 'to' : 'from'}`));
            }}
          >
            {t('scales.add', { n })}
          </Button>
        </Box>
      </FieldGroup>
      {onRemove && (
        <Box>
          <Button type="button" variant="danger-light" startIcon={<Trash />} onClick={onRemove}>
            {t('test.remove', { n })}
          </Button>
        </Box>
      )}
    </FieldGroup>
  );
}

type ScaleProps = {
  prefix: string;
  kind: PartnerKind;
  path: string;
  n: number;
  testN: number;
  scale: ScaleDraft;
  scales: Scale[];
  errors: FieldErrors;
  onChange: (scale: ScaleDraft) => void;
  onRemove: () => void;
};

function ScaleRow({ prefix, kind, path, n, testN, scale, scales, errors, onChange, onRemove }: ScaleProps) {
  const t = useT();
  const format = useFormat();
  const known = scales.some((s) => s.key === scale.to);
  const options = [
    ...scales.map((s) => ({ value: s.key, label: format.text(s.name) || s.key })),
    ...(scale.to && !known ? [{ value: scale.to, label: scale.to }] : []),
  ];
  const number = (key: 'min' | 'max') => (
    <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
      <TextField
        id={fieldId(prefix, `${path}.${key}`)}
        label={t(`scale.${key}`)}
        inputMode="decimal"
        required
        maxLength={20}
        value={scale[key]}
        onChange={(value) => onChange({ ...scale, [key]: value })}
        error={errorUnder(errors, `${path}.${key}`)}
      />
    </Grid.Item>
  );
  return (
    <FieldGroup id={fieldId(prefix, path)} legend={t('scale.legend', { n })} error={errorAt(errors, path)} boxed>
      <Grid.Root gap={4}>
        {kind !== 'lti' && (
          <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
            <TextField
              id={fieldId(prefix, `${path}.from`)}
              label={t(`scale.from.${kind}`)}
              hint={t(`scale.from.${kind}.hint`)}
              required
              maxLength={80}
              value={scale.from}
              onChange={(from) => onChange({ ...scale, from })}
              error={errorUnder(errors, `${path}.from`)}
            />
          </Grid.Item>
        )}
        <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
          <SelectField
            id={fieldId(prefix, `${path}.to`)}
            label={t('scale.to')}
            hint={kind === 'lti' ? t('scale.to.lti.hint') : undefined}
            placeholder={t('scale.to.choose')}
            required
            value={scale.to}
            options={options}
            onChange={(to) => onChange({ ...scale, to })}
            error={errorUnder(errors, `${path}.to`)}
          />
        </Grid.Item>
        {kind !== 'lti' && number('min')}
        {kind !== 'lti' && number('max')}
      </Grid.Root>
      <Box>
        <Button type="button" variant="tertiary" size="S" startIcon={<Trash />} onClick={onRemove}>
          {t('scale.remove', { n, test: testN })}
        </Button>
      </Box>
    </FieldGroup>
  );
}
