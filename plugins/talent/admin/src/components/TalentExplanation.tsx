/**
 * Why an entry holds, as a sentence from its evidence: the result(s) that placed the person at or
 * above the threshold — which test, whose, when, which percentile of which norm version (or that
 * there was no age norm) — or the specialist who confirmed it, and the rules version.
 */
import { Typography } from '@strapi/design-system';
import type { TalentEvidence, TalentListItem } from '../api-talents';
import { useT } from '../utils/translations';
import { useFormat } from '../utils/format';

type Item = TalentEvidence['agreeing'][number];

export function useExplain() {
  const t = useT();
  const format = useFormat();
  const result = (e: Item) => {
    const test =
      e.source === 'qabilet' ? t('explain.test.qabilet', { test: e.test }) : t(`explain.test.${e.source}`, { test: e.test, name: e.sourceName ?? '' });
    const date = format.date(e.at);
    return e.percentile !== null && e.norm !== null
      ? t('explain.normed', { score: e.score, test, norm: e.norm, date })
      : t('explain.unnormed', { score: e.score, test, date });
  };
  return (entry: Pick<TalentListItem, 'status' | 'evidence'>) => {
    const { evidence } = entry;
    const [first, second] = evidence.agreeing;
    const rules = t('explain.rules', { threshold: evidence.threshold, version: evidence.rulesVersion });
    if (!first) return rules;
    if (entry.status === 'candidate') return `${t('explain.candidate', { first: result(first) })} ${rules}`;
    if (second) return `${t('explain.confirmed', { first: result(first), second: result(second) })} ${rules}`;
    const c = evidence.confirmation;
    return `${t('explain.confirmedBy', { author: c?.authorName ?? '', date: c ? format.date(c.at) : '', note: c?.note ?? '', first: result(first) })} ${rules}`;
  };
}

export function TalentExplanation({ entry }: { entry: TalentListItem }) {
  const explain = useExplain();
  return <Typography variant="pi">{explain(entry)}</Typography>;
}
