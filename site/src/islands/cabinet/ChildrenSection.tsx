import { useState } from 'react';
import { authed } from '../api';
import ChildForm from '../ChildForm';
import { format } from '../Form';
import type { Locality, Place } from '../RegisterForm';
import type { SectionProps, View } from './types';

type Props = Omit<SectionProps, 'errors'> & {
  list: View['children'];
  regions: Place[];
  localities: Locality[];
  onChildSaved: () => void;
};

/** A parent's children: listed, removed, or one added with the child form. */
export default function ChildrenSection({ locale, t, act, list, regions, localities, onChildSaved }: Props) {
  const [addingChild, setAddingChild] = useState(false);
  return (
    <section aria-labelledby="children-title">
      <h2 id="children-title">{t['cabinet.children']}</h2>
      {list.length === 0 ? (
        <p>{t['cabinet.children.none']}</p>
      ) : (
        <ul>
          {list.map((c) => (
            <li key={c.documentId}>
              {c.firstName} {c.surname}, {c.age}{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => act(() => authed(`/api/accounts/children/${c.documentId}`, locale, { method: 'DELETE' }))}
              >
                {format(t['cabinet.children.remove'], { name: c.firstName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {addingChild ? (
        <ChildForm
          locale={locale}
          t={t}
          regions={regions}
          localities={localities}
          onSaved={() => {
            setAddingChild(false);
            onChildSaved();
          }}
        />
      ) : (
        <button type="button" onClick={() => setAddingChild(true)}>
          {t['cabinet.children.add']}
        </button>
      )}
    </section>
  );
}
