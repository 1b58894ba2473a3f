/**
 * The server names a refused field by its path (`config.loginUrl`, `tests.0.scales.1.to`); each
 * field of a form takes an id made of that path, so that the error summary links to it and the
 * field shows its own message beside it.
 */
import type { MessageKey } from './translations';

export type FieldErrors = Record<string, string>;

/** The element id of the field (or group of fields) at `path`, in the form whose ids start with `prefix`. */
export const fieldId = (prefix: string, path: string) => `${prefix}-${path.replace(/\./g, '-') || 'form'}`;

/** The messages of a field and of its parts (a list's items: `config.redirectUris.2`). */
export function errorUnder(errors: FieldErrors, path: string): string | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .map(([, message]) => message);
  return found.length ? [...new Set(found)].join(' ') : undefined;
}

/** The messages of exactly `path` (a group's own: `tests.0.scales` when the list is empty). */
export const errorAt = (errors: FieldErrors, path: string): string | undefined => errors[path];

/**
 * Focus on the field at `path`, or on the closest group that holds it (a path the form has no field
 * for, as `tests.0.name`, leads to the test's group); a group hands focus to its first control.
 */
export function focusPath(prefix: string, path: string): boolean {
  const parts = path.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const element = document.getElementById(fieldId(prefix, parts.slice(0, n).join('.')));
    if (!element) continue;
    const target = element.matches('input, textarea, select, button, [tabindex]')
      ? element
      : element.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select, button, [role="combobox"], [tabindex="0"]');
    (target ?? element).focus();
    element.scrollIntoView?.({ block: 'center' });
    return true;
  }
  return false;
}

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const FIELD_LABELS: Record<string, MessageKey> = {
  kind: 'field.kind',
  name: 'field.name',
  active: 'field.active',
  config: 'field.config',
  'config.loginUrl': 'field.loginUrl',
  'config.launchUrl': 'field.launchUrl',
  'config.redirectUris': 'field.redirectUris',
  'config.jwksUrl': 'field.jwksUrl',
  'config.deploymentId': 'platform.deploymentId',
  'config.share': 'share.legend',
  'config.share.name': 'share.name',
  'config.share.email': 'share.email',
  'config.centre': 'field.centre',
  'config.columns': 'columns.legend',
  columns: 'columns.legend',
  tests: 'tests.legend',
};
const TEST_PARTS: Record<string, MessageKey> = {
  key: 'test.key',
  url: 'test.url',
  name: 'test.name',
  'name.kk': 'test.name.kk',
  'name.ru': 'test.name.ru',
  'name.en': 'test.name.en',
  scales: 'scales.legend',
};
const SCALE_PARTS: Record<string, MessageKey> = { from: 'scale.from', to: 'scale.to', min: 'scale.min', max: 'scale.max' };

/** The words a person reads for a field's path in the error summary ("Test 1 · Score 2 · Our scale"). */
export function labelOfPath(t: Translate, path: string): string {
  const column = path.match(/^(?:config\.)?columns\.(\w+)/);
  if (column) return t('columns.column', { column: t(`column.${column[1]}` as MessageKey) });
  const exact = FIELD_LABELS[path] ?? FIELD_LABELS[path.replace(/\.\d+$/, '')];
  if (exact) return t(exact);
  const test = path.match(/^tests\.(\d+)(?:\.(.+))?$/);
  if (!test) return path;
  const words = [t('test.legend', { n: Number(test[1]) + 1 })];
  const rest = test[2];
  const scale = rest?.match(/^scales\.(\d+)(?:\.(\w+))?/);
  if (scale) {
    words.push(t('scale.legend', { n: Number(scale[1]) + 1 }));
    if (scale[2] && SCALE_PARTS[scale[2]]) words.push(t(SCALE_PARTS[scale[2]]!));
  } else if (rest && TEST_PARTS[rest]) words.push(t(TEST_PARTS[rest]!));
  return words.join(' · ');
}
