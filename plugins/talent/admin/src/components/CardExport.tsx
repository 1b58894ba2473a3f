/** Downloads the card's results over time as a table for the psychologist; a refusal is said beside the button. */
import { useState } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { ProblemText, problemOf, saveFile } from '@qabilet/plugin-kit/admin';
import { useCardsApi } from '../api-cards';
import { useT } from '../utils/translations';

export function CardExport({ id }: { id: string }) {
  const t = useT();
  const api = useCardsApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { blob, name } = await api.exportResults(id, 'xlsx');
      saveFile(blob, name);
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={2} alignItems="center">
      {problem ? <ProblemText message={problem} /> : null}
      <Button startIcon={<Download />} variant="secondary" loading={busy} onClick={() => void download()}>
        {t('card.export')}
      </Button>
    </Flex>
  );
}
