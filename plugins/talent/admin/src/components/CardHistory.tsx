/** The history of actions on the person: when, what, by whom as a role (a code the catalogue does not word is shown as it is). */
import { Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { CardHistoryEntry } from '@qabilet/domain';
import { hasKey, useT, type MessageKey } from '../utils/translations';
import { useFormat } from '../utils/format';

export function CardHistoryView({ history }: { history: CardHistoryEntry[] }) {
  const t = useT();
  const format = useFormat();
  const worded = (key: string, fallback: string) => (hasKey(key) ? t(key as MessageKey) : fallback);
  if (!history.length) return <Typography textColor="neutral600">{t('card.history.none')}</Typography>;
  return (
    <DataTable
      caption={t('card.section.history')}
      columns={[t('card.col.when'), t('card.col.what'), t('card.col.who'), t('card.col.request')]}
      rows={history.map((h, i) => ({
        key: `${h.at}-${i}`,
        cells: [
          h.at ? format.dateTime(h.at) : '—',
          worded(`card.action.${h.action}`, h.action),
          h.by.role ? worded(`card.role.${h.by.role}`, t('card.by.staff')) : t(`card.by.${h.by.kind}` as MessageKey),
          h.request ?? '—',
        ],
      }))}
    />
  );
}
