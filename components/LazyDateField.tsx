/**
 * The date field for a page's first view, loaded beside it: the popup counts only its first view's JS until
 * interactive (scripts/check-budgets.ts), and the field appears only once a step is picked. The chunk starts
 * loading when this module runs and is almost always there before the first render; until it is, a plain input
 * stands in, with the same id, label and focus, and reads what is typed by the field's own rule (readDateText).
 * When the field replaces it, it keeps the text and puts the caret after it (it does not select it, as it does
 * when it appears), so the next keystroke adds to what was typed instead of replacing it.
 */
import { useEffect, useRef, useState } from 'react';
import { formatDate, isValidIso, readDateText } from '@/utils/dates';
import type { DateFieldProps } from './DateField';
import { preload, usePreloaded } from './preload';

const dateField = preload(() => import('./DateField').then((m) => m.DateField));

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
  const Field = usePreloaded(dateField);
  const stoodIn = useRef(false);
  const root = useRef<HTMLDivElement>(null);
  if (!Field) stoodIn.current = true;
  // After the field's own effects (a child's run first): the caret after the text typed into the stand-in.
  useEffect(() => {
    if (!Field || !stoodIn.current) return;
    const input = root.current?.querySelector('input');
    if (input && document.activeElement === input) input.setSelectionRange(input.value.length, input.value.length);
  }, [Field]);
  return (
    <div ref={root} style={{ display: 'contents' }}>
      {Field ? <Field {...props} /> : <PlainDateInput {...props} />}
    </div>
  );
}
