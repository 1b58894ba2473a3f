/**
 * A free text the registry keeps with a request (the person's wish, why it was closed): a text area
 * labelled by its message and explained by the message's `.hint`.
 */
import { TextField } from '@qabilet/plugin-kit/admin';
import { useT } from '../utils/translations';

type Props = {
  id: string;
  /** The label's message; its hint is the message `${text}.hint`. */
  text: 'new.wish' | 'cancel.note' | 'complete.note';
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
};

export function NoteField({ text, ...field }: Props) {
  const t = useT();
  return <TextField {...field} label={t(text)} hint={t(`${text}.hint`)} multiline />;
}
