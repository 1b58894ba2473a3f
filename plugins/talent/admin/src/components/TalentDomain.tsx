/** A domain's name in the admin's words: an interest area, a soft skill or a profession track. */
import { useT, type MessageKey } from '../utils/translations';

export function useDomainName() {
  const t = useT();
  return (domain: string) => {
    const [kind, key] = domain.split(':') as [string, string];
    if (kind === 'profession') return t('domain.profession', { profession: key });
    return t(kind === 'soft' ? 'domain.soft' : 'domain.interest', { name: t(`scale.${key}` as MessageKey) });
  };
}
