/** A parent's choice of whose records a page shows: their own or a child's (nothing to choose without children). */
import { format, type Messages } from '../Form';
import type { Account } from '../assessment-api';

type Props = { t: Messages; legend: string; account: Account; child: string | null; choose: (child: string | null) => void };

export default function WhoseChoice({ t, legend, account, child, choose }: Props) {
  if (!account.children.length) return null;
  return (
    <fieldset className="test-person">
      <legend>{legend}</legend>
      <label className="choice">
        <input type="radio" name="whose" value="" checked={!child} onChange={() => choose(null)} />{' '}
        {format(t['card.me'], { name: account.profile.firstName ?? '' })}
      </label>
      {account.children.map((c) => (
        <label className="choice" key={c.documentId}>
          <input type="radio" name="whose" value={c.documentId} checked={child === c.documentId} onChange={() => choose(c.documentId)} />{' '}
          {format(t['card.child'], { name: c.firstName })}
        </label>
      ))}
    </fieldset>
  );
}
