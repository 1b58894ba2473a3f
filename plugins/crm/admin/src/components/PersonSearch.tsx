/**
 * Who the request is for: the registered people with the caller's phone and their children, or a
 * caller who is not registered. The search is part of the request's form, so Enter in the phone
 * field searches instead of sending the form.
 */
import { useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { Box, Button, Field, Flex, Radio, TextInput, Typography } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { problemOf, type Problem } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type Person, type Region } from '../api';
import { useT } from '../utils/translations';

export type Choice = { kind: 'user'; user: string } | { kind: 'child'; user: string; child: string } | { kind: 'lead' };

const valueOf = (choice: Choice | null) =>
  !choice ? '' : choice.kind === 'lead' ? 'lead' : choice.kind === 'user' ? `user:${choice.user}` : `child:${choice.user}:${choice.child}`;
function choiceOf(value: string): Choice {
  const [kind, user, child] = value.split(':');
  if (kind === 'user') return { kind, user: user! };
  if (kind === 'child') return { kind, user: user!, child: child! };
  return { kind: 'lead' };
}

type Props = {
  regions: Region[];
  choice: Choice | null;
  error?: string;
  /** The phone searched for comes along, to fill in a caller who is not registered. */
  onChoice: (choice: Choice | null, phone: string) => void;
};

export function PersonSearch({ regions, choice, error, onChoice }: Props) {
  const t = useT();
  const api = useCrmApi();
  const [phone, setPhone] = useState('');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [problem, setProblem] = useState<Problem>();
  const [searching, setSearching] = useState(false);

  async function search() {
    setSearching(true);
    setProblem(undefined);
    try {
      const found = await api.people(phone.trim());
      setPeople(found);
      // One person with no children is whom the caller means; otherwise the operator asks.
      onChoice(
        found.length === 0 ? { kind: 'lead' } : found.length === 1 && found[0]!.children.length === 0 ? { kind: 'user', user: found[0]!.id } : null,
        phone.trim(),
      );
    } catch (failure) {
      setPeople(null);
      setProblem(problemOf(failure, t('error.generic')));
    } finally {
      setSearching(false);
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void search();
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2} alignItems="flex-end" wrap="wrap">
        <Box minWidth="20rem">
          <Field.Root
            name="phone"
            id="crm-new-search"
            error={problem?.fields.phone ?? (problem && !Object.keys(problem.fields).length ? problem.message : undefined)}
            hint={t('new.search.hint')}
          >
            <Field.Label>{t('new.search')}</Field.Label>
            <TextInput
              type="tel"
              value={phone}
              autoComplete="off"
              onKeyDown={onKeyDown}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setPhone(e.target.value)}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </Box>
        <Button type="button" variant="secondary" startIcon={<Search />} loading={searching} onClick={() => void search()}>
          {t('new.search.submit')}
        </Button>
      </Flex>
      {people && (
        <Typography aria-live="polite" textColor="neutral600">
          {people.length ? t('new.search.found', { count: people.length }) : t('new.search.none')}
        </Typography>
      )}
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography id="crm-new-who" variant="pi" fontWeight="bold" textColor="neutral800">
          {t('new.who')}
        </Typography>
        <Radio.Group
          aria-labelledby="crm-new-who"
          aria-describedby={error ? 'crm-new-who-error' : undefined}
          value={valueOf(choice)}
          onValueChange={(v) => onChoice(choiceOf(v), phone.trim())}
        >
          {(people ?? []).flatMap((person) => [
            <Radio.Item key={person.id} value={`user:${person.id}`}>
              {t('new.who.user', { name: person.name, region: regions.find((r) => r.code === person.region)?.name ?? person.region ?? '—' })}
            </Radio.Item>,
            ...person.children.map((child) => (
              <Radio.Item key={child.id} value={`child:${person.id}:${child.id}`}>
                {t('new.who.child', { name: child.name, parent: person.name })}
              </Radio.Item>
            )),
          ])}
          <Radio.Item value="lead">{t('new.who.lead')}</Radio.Item>
        </Radio.Group>
        {error && (
          <Typography id="crm-new-who-error" variant="pi" textColor="danger600">
            {error}
          </Typography>
        )}
      </Flex>
    </Flex>
  );
}
