import { InputField, SelectField, type Messages } from './Form';
import type { Locality, Place } from './RegisterForm';

/** One field's new value in a person's form: a new region clears the locality chosen in the old one. */
export const withField = (values: Record<string, string>, name: string, value: string): Record<string, string> => ({
  ...values,
  [name]: value,
  ...(name === 'region' ? { locality: '' } : {}),
});

type Props = {
  t: Messages;
  /** The problems by field name. */
  errors: Record<string, string>;
  value: (name: string) => string;
  onChange: (name: string) => (e: { target: { value: string } }) => void;
  /** The education levels offered, as [value, label]. */
  education: Array<[string, string]>;
  regions: Place[];
  /** The localities of the region chosen. */
  localities: Locality[];
};

/** A person's name, gender, birth date, education and place: the fields a child's and the user's own profile share. */
export default function PersonFields({ t, errors, value, onChange, education, regions, localities }: Props) {
  const text = (name: string, type = 'text') => (
    <InputField
      name={name}
      label={t[`field.${name}`]}
      error={errors[name]}
      required={name !== 'patronymic'}
      optionalText={t['form.optional']}
      input={{ type, value: value(name), onChange: onChange(name) }}
    />
  );
  const select = (name: string, options: Array<[string, string]>) => (
    <SelectField
      name={name}
      label={t[`field.${name}`]}
      error={errors[name]}
      required
      choose={t['form.choose']}
      options={options}
      select={{ value: value(name), onChange: onChange(name) }}
    />
  );
  return (
    <>
      {text('surname')}
      {text('firstName')}
      {text('patronymic')}
      {select('gender', [
        ['female', t['field.gender.female']],
        ['male', t['field.gender.male']],
      ])}
      {text('birthDate', 'date')}
      {select('education', education)}
      {select(
        'region',
        regions.map((r) => [r.code, r.name]),
      )}
      {select(
        'locality',
        localities.map((l) => [l.key, l.name]),
      )}
    </>
  );
}
