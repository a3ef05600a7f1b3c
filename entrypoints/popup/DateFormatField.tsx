/** The calendar a date is shown or written in (Jalali with `.` or `/`, or Gregorian), as a labelled select. */
import { DATE_FORMATS, type DateFormat } from '@/utils/record';
import { usePopup } from './context';

export function DateFormatField({
  id,
  value,
  onChange,
  testId,
}: {
  id: string;
  value: DateFormat;
  onChange(f: DateFormat): void;
  testId?: string;
}) {
  const { tr } = usePopup();
  return (
    <div className="field">
      <label htmlFor={id}>{tr.t('calendar')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as DateFormat)} data-testid={testId}>
        {DATE_FORMATS.map((f) => (
          <option key={f} value={f}>
            {tr.dateFormat(f)}
          </option>
        ))}
      </select>
    </div>
  );
}
