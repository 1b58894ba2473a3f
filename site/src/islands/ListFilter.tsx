import { useEffect, useId, useState } from 'react';
import { format, type Messages } from './Form';

export type FilterSelect = { name: string; label: string; options: Array<{ value: string; label: string }> };

/**
 * Search and filters over a list the page already shows in full (so the list works without
 * JavaScript). Items carry `data-search` (their text) and `data-<name>` (space-separated values);
 * groups (`[data-group]`) with no item left are hidden too. The count is announced politely.
 */
export default function ListFilter(props: { listId: string; searchLabel: string; selects: FilterSelect[]; t: Messages }) {
  const id = useId().replace(/:/g, '');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<{ visible: number; total: number } | null>(null);

  useEffect(() => {
    const list = document.getElementById(props.listId);
    if (!list) return;
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const items = [...list.querySelectorAll<HTMLElement>('[data-search]')];
    let visible = 0;
    for (const item of items) {
      const text = (item.dataset.search ?? '').toLocaleLowerCase();
      const matches =
        words.every((word) => text.includes(word)) &&
        Object.entries(chosen).every(([name, value]) => !value || (item.getAttribute(`data-${name}`) ?? '').split(' ').includes(value));
      item.hidden = !matches;
      if (matches) visible += 1;
    }
    for (const group of list.querySelectorAll<HTMLElement>('[data-group]')) {
      group.hidden = !group.querySelector('[data-search]:not([hidden])');
    }
    setShown({ visible, total: items.length });
  }, [query, chosen, props.listId]);

  const reset = () => {
    setQuery('');
    setChosen({});
  };

  return (
    <form role="search" className="list-filter" aria-label={props.t['filter.label']} onSubmit={(event) => event.preventDefault()} onReset={reset}>
      <div className="field">
        <label htmlFor={`${id}-q`}>{props.searchLabel}</label>
        <input id={`${id}-q`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      </div>
      {props.selects.map((select) => (
        <div className="field" key={select.name}>
          <label htmlFor={`${id}-${select.name}`}>{select.label}</label>
          <select id={`${id}-${select.name}`} value={chosen[select.name] ?? ''} onChange={(event) => setChosen({ ...chosen, [select.name]: event.target.value })}>
            <option value="">{props.t['filter.all']}</option>
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </select>
        </div>
      ))}
      <div className="list-filter-actions">
        <button type="reset" className="secondary">{props.t['filter.reset']}</button>
      </div>
      <p role="status" className="list-filter-status">
        {shown ? (shown.visible ? format(props.t['filter.count'], shown) : props.t['filter.none']) : ''}
      </p>
    </form>
  );
}
