/**
 * The date field for a page's first view, loaded beside it: the popup counts only its first view's JS until
 * interactive (scripts/check-budgets.ts), and the field appears only once a step is picked. Until the chunk
 * is there (a few milliseconds after the page's script runs, usually before the first render) a plain input
 * stands in: same id, label and focus, and what is typed into it is read by the field's own rule
 * (readDateText), so a keystroke in that moment is neither lost nor read differently.
 */
import { lazy, Suspense, useState } from 'react';
import { formatDate, isValidIso, readDateText } from '@/utils/dates';
import type { DateFieldProps } from './DateField';

// Starts loading when this module runs, not when the field is first shown.
const loading = import('./DateField');
const DateField = lazy(() => loading.then((m) => ({ default: m.DateField })));

function PlainDateInput({
  id,
  label,
  value,
  onChange,
  format,
  today,
  required,
  autoFocus,
  text,
  onText,
}: DateFieldProps) {
  const [s, setS] = useState(() => text || (value && isValidIso(value) ? formatDate(value, format) : (value ?? '')));
  return (
    <div className="datefield">
      <label className="datefield-label" htmlFor={id}>
        {label}
      </label>
      <div className="datefield-row">
        <input
          id={id}
          className="datefield-input"
          type="text"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          required={required}
          // biome-ignore lint/a11y/noAutofocus: it stands in for the field, which takes focus when it appears
          autoFocus={autoFocus}
          value={s}
          onChange={(e) => {
            setS(e.target.value);
            const r = readDateText(e.target.value, {
              today,
              calendar: format === 'gregorian' ? 'gregorian' : 'jalali',
            });
            onText?.(r.raw);
            if (r.iso !== undefined && r.iso !== value) onChange(r.iso);
          }}
        />
      </div>
    </div>
  );
}

export function LazyDateField(props: DateFieldProps) {
  return (
    <Suspense fallback={<PlainDateInput {...props} />}>
      <DateField {...props} />
    </Suspense>
  );
}
