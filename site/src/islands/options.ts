import { EDUCATION } from '@qabilet/domain';
import { format, type Messages } from './Form';

/** The education list of the domain rules, worded for a form: [value, label]. */
export function educationOptions(t: Messages, only?: (value: string) => boolean): Array<[string, string]> {
  return EDUCATION.filter((value) => !only || only(value)).map((value): [string, string] => {
    const [kind, n] = value.split('-');
    return [value, format(t[`field.education.${kind}`], { n: n ?? '' })];
  });
}

/** A human reading of one education value, for showing a profile. */
export const educationLabel = (t: Messages, value: string) => educationOptions(t).find(([v]) => v === value)?.[1] ?? value;
