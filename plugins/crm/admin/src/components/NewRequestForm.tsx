/**
 * "New request", as an operator takes a call: find the caller by phone and choose them or their
 * child, or enter a caller who is not registered (name, phone and their spoken consent); then what
 * they ask for. The request opens once made, to book a slot for it.
 */
import { useState, type FormEvent } from 'react';
import { Box, Button, Checkbox, Divider, Flex, Grid, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { problemOf, ProblemText, SelectField, TextField, TitledForm, type Problem } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type CrmRequest, type Format, type Me, type NewRequest, type Service } from '../api';
import { useT } from '../utils/translations';
import { NoteField } from './NoteField';
import { PersonSearch, type Choice } from './PersonSearch';

type Props = { me: Me; onCreated: (request: CrmRequest) => void };

export function NewRequestForm({ me, onCreated }: Props) {
  const t = useT();
  const api = useCrmApi();
  const { toggleNotification } = useNotification();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [service, setService] = useState<Service | ''>('');
  const [format, setFormat] = useState<Format | ''>('');
  const [region, setRegion] = useState('');
  const [centre, setCentre] = useState('');
  const [wish, setWish] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  // A new search starts a new form: the person found decides what the rest means.
  const [round, setRound] = useState(0);
  const lead = choice?.kind === 'lead';
  const fields = problem?.fields ?? {};

  function reset() {
    setChoice(null);
    setName('');
    setPhone('');
    setConsent(false);
    setService('');
    setFormat('');
    setRegion('');
    setCentre('');
    setWish('');
    setProblem(undefined);
    setRound((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const person: NewRequest['person'] | undefined =
      choice?.kind === 'user'
        ? { user: choice.user }
        : choice?.kind === 'child'
          ? { user: choice.user, child: choice.child }
          : choice?.kind === 'lead'
            ? { lead: { name: name.trim(), phone: phone.trim() } }
            : undefined;
    setSending(true);
    try {
      const created = await api.create({
        person: person as NewRequest['person'],
        service: service as Service,
        format: format as Format,
        ...(region ? { region } : {}),
        ...(centre ? { centre } : {}),
        ...(wish.trim() ? { wish: wish.trim() } : {}),
        ...(lead && consent ? { consent: true as const } : {}),
      });
      toggleNotification({ type: 'success', message: t('new.created', { number: created.number }) });
      reset();
      onCreated(created);
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    } finally {
      setSending(false);
    }
  }

  const fieldErrors = Object.keys(fields).filter((k) => k !== '').length > 0;
  return (
    <TitledForm titleId="crm-new-title" title={t('new.title')} level="h2" onSubmit={submit}>
      <PersonSearch
        key={round}
        regions={me.regions}
        choice={choice}
        error={fields.person ?? fields['person.user'] ?? fields['person.child']}
        onChoice={(next, searchedPhone) => {
          setChoice(next);
          if (next?.kind === 'lead' && searchedPhone && !phone) setPhone(searchedPhone);
        }}
      />
      {lead && (
        <Box padding={4} background="neutral100" hasRadius>
          <Grid.Root gap={4}>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <TextField
                id="crm-new-name"
                label={t('new.lead.name')}
                required
                autoComplete="off"
                value={name}
                onChange={setName}
                error={fields['person.lead.name']}
                maxLength={120}
              />
            </Grid.Item>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <TextField
                id="crm-new-phone"
                label={t('new.lead.phone')}
                type="tel"
                required
                autoComplete="off"
                value={phone}
                onChange={setPhone}
                error={fields['person.lead.phone']}
              />
            </Grid.Item>
            <Grid.Item col={12} direction="column" alignItems="stretch">
              <Checkbox
                checked={consent}
                onCheckedChange={(on) => setConsent(on === true)}
                aria-invalid={Boolean(fields.consent)}
                aria-describedby={fields.consent ? 'crm-new-consent-error' : undefined}
                required
              >
                {t('new.consent')}
              </Checkbox>
              {fields.consent && (
                <Typography id="crm-new-consent-error" variant="pi" textColor="danger600">
                  {fields.consent}
                </Typography>
              )}
            </Grid.Item>
          </Grid.Root>
        </Box>
      )}
      <Divider />
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={6} xs={12} direction="column" alignItems="stretch">
          <SelectField
            id="crm-new-service"
            label={t('new.service')}
            required
            value={service}
            options={me.services.map((s) => ({ value: s, label: t(`service.${s}`) }))}
            onChange={(v) => setService(v as Service)}
            error={fields.service}
          />
        </Grid.Item>
        <Grid.Item col={6} s={6} xs={12} direction="column" alignItems="stretch">
          <SelectField
            id="crm-new-format"
            label={t('new.format')}
            required
            value={format}
            options={me.formats.map((f) => ({ value: f, label: t(`format.${f}`) }))}
            onChange={(v) => setFormat(v as Format)}
            error={fields.format}
          />
        </Grid.Item>
        <Grid.Item col={6} s={6} xs={12} direction="column" alignItems="stretch">
          <SelectField
            id="crm-new-region"
            label={t('new.region')}
            hint={lead ? t('new.region.hint.lead') : t('new.region.hint')}
            any={lead ? t('new.region.choose') : t('new.region.ofPerson')}
            value={region}
            options={me.regions.map((r) => ({ value: r.code, label: r.name }))}
            onChange={setRegion}
            error={fields.region}
          />
        </Grid.Item>
        <Grid.Item col={6} s={6} xs={12} direction="column" alignItems="stretch">
          <SelectField
            id="crm-new-centre"
            label={t('new.centre')}
            hint={t('new.centre.hint')}
            any={t('new.centre.ofRegion')}
            value={centre}
            options={me.centres.map((c) => ({ value: c.slug, label: c.name }))}
            onChange={setCentre}
            error={fields.centre}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <NoteField id="crm-new-wish" text="new.wish" maxLength={500} value={wish} onChange={setWish} error={fields.wish} />
        </Grid.Item>
      </Grid.Root>
      {problem && !fieldErrors && <ProblemText message={problem.message} />}
      <Flex gap={2}>
        <Button type="submit" loading={sending}>
          {t('new.submit')}
        </Button>
        <Button type="button" variant="tertiary" onClick={reset}>
          {t('new.reset')}
        </Button>
      </Flex>
    </TitledForm>
  );
}
