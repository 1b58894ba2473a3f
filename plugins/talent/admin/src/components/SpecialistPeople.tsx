/**
 * The people a specialist consulted or whose talent they confirmed (within the viewer's scope),
 * each linked to their card, and — for the specialist and their coordinator — the export for the
 * psychologist (the registry's data are read-only here).
 */
import { useState } from 'react';
import { NavLink } from 'react-router-dom';
import { Button, Flex, Link, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { DataTable, problemOf, ProblemText, saveFile } from '@qabilet/plugin-kit/admin';
import { useSpecialistsApi, type SpecialistCard } from '../api-specialists';
import { cardPath } from './PeopleTable';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';

export function SpecialistPeople({ card }: { card: SpecialistCard }) {
  const t = useT();
  const format = useFormat();
  const api = useSpecialistsApi();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState<'xlsx' | 'csv'>();

  async function exportAs(file: 'xlsx' | 'csv') {
    setSending(file);
    try {
      const { blob, name } = await api.exportPeople(card.id, file);
      saveFile(blob, name);
      setProblem(undefined);
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')).message);
    } finally {
      setSending(undefined);
    }
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {card.can.export && (
        <Flex gap={2} wrap="wrap">
          {(['xlsx', 'csv'] as const).map((file) => (
            <Button key={file} variant="secondary" startIcon={<Download aria-hidden />} loading={sending === file} onClick={() => exportAs(file)}>
              {t(`specialist.people.export.${file}`)}
            </Button>
          ))}
        </Flex>
      )}
      {problem && <ProblemText message={problem} />}
      {card.consulted.length ? (
        <DataTable
          caption={t('specialist.people.caption')}
          columns={[t('col.name'), t('specialist.people.consultations'), t('specialist.people.last'), t('specialist.people.confirmations')]}
          rows={card.consulted.map((p) => ({
            key: String(p.id),
            cells: [
              <Link key="name" tag={NavLink} to={cardPath(p.id)}>
                {p.name || t('person.unnamed')}
              </Link>,
              String(p.consultations),
              p.lastConsultationAt ? format.date(p.lastConsultationAt) : '—',
              String(p.confirmations),
            ],
          }))}
        />
      ) : (
        <Typography>{t('specialist.people.empty')}</Typography>
      )}
    </Flex>
  );
}
