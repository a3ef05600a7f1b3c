/** Language (the browser's by default), how dates are shown and written, and how the browser keeps the data. */
import type { Settings } from '@/utils/i18n';
import { usePopup } from './context';
import { DateFormatField } from './DateFormatField';
import { StorageStatus } from './StorageStatus';

export default function SettingsPanel({ settings, onChange }: { settings: Settings; onChange(s: Settings): void }) {
  const { tr } = usePopup();
  return (
    <section className="panel settings" aria-label={tr.t('settings')} data-testid="settings-panel">
      <div className="field">
        <label htmlFor="set-lang">{tr.t('language')}</label>
        <select
          id="set-lang"
          value={settings.lang}
          onChange={(e) => onChange({ ...settings, lang: e.target.value as Settings['lang'] })}
          data-testid="set-lang"
        >
          <option value="auto">{tr.t('languageAuto')}</option>
          <option value="en">English</option>
          <option value="fa">فارسی</option>
        </select>
      </div>
      <DateFormatField
        id="set-dates"
        testId="set-dates"
        value={settings.dateFormat}
        onChange={(dateFormat) => onChange({ ...settings, dateFormat })}
      />
      <StorageStatus />
    </section>
  );
}
