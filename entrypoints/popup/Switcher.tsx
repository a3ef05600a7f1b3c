/** The quick switcher: type a few letters of a company, arrows to choose, Enter to open. */
import { useId, useMemo, useState } from 'react';
import { persianKey } from '@/utils/persian';
import type { RecordSummary } from '@/utils/repository';
import { usePopup } from './context';

export default function Switcher({
  summaries,
  currentId,
  onPick,
  onUse,
}: {
  /** The applications it chooses from, newest first (the first view's few until `onUse` brings them all). */
  summaries: RecordSummary[];
  currentId: string | null;
  onPick(id: string): void;
  /** Called when the switcher is first focused: it needs the whole list from then on. */
  onUse(): void;
}) {
  const { tr } = usePopup();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => {
    const q = persianKey(query);
    const list = summaries.filter((s) => s.id !== currentId);
    return (q ? list.filter((s) => persianKey(`${s.company} ${s.role ?? ''}`).includes(q)) : list).slice(0, 8);
  }, [query, summaries, currentId]);

  function pick(s: RecordSummary | undefined) {
    if (!s) return;
    onPick(s.id);
    setQuery('');
    setOpen(false);
  }

  return (
    <div className="switcher">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {tr.t('switchTo')}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].id}` : undefined}
        placeholder={tr.t('switchPlaceholder')}
        value={query}
        dir="auto"
        data-testid="switcher"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => {
          onUse();
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, matches.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') pick(matches[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
          setOpen(e.key !== 'Escape' && e.key !== 'Enter');
        }}
      />
      {open ? (
        <ul id={listId} role="listbox" className="switcher-list" aria-label={tr.t('switchTo')}>
          {matches.length ? (
            matches.map((s, i) => (
              // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox (aria-activedescendant)
              <li
                key={s.id}
                id={`${listId}-${s.id}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(s);
                }}
              >
                <bdi className="app-company">{s.company}</bdi>
                {s.role ? (
                  <span className="muted">
                    {' — '}
                    <bdi>{s.role}</bdi>
                  </span>
                ) : null}{' '}
                <span dir="ltr">{s.status}</span>
              </li>
            ))
          ) : (
            <li className="muted" role="presentation">
              {tr.t('noMatches')}
            </li>
          )}
        </ul>
      ) : null}
    </div>
  );
}
