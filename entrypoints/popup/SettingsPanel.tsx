/** Language (the browser's by default) and how dates are shown and written. */
import { DATE_FORMATS, type DateFormat } from '@/utils/record';
import type { Settings } from '@/utils/i18n';
import { usePopup } from './context';

export default function SettingsPanel({ settings, onChange }: { settings: Settings; onChange(s: Settings): void }) {
  const { tr } = usePopup();
  return (
    <section className="panel settings" aria-label={tr.t('settings')} data-testid="settings-panel">
      <div className="field">
        <label htmlFor="set-lang">{tr.t('language')}</label>
        <select id="set-lang" value={settings.lang} onChange={(e) => onChange({ ...settings, lang: e.target.value as Settings['lang'] })} data-testid="set-lang">
          <option value="auto">{tr.t('languageAuto')}</option>
          <option value="en">English</option>
          <option value="fa">فارسی</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="set-dates">{tr.t('calendar')}</label>
        <select id="set-dates" value={settings.dateFormat} onChange={(e) => onChange({ ...settings, dateFormat: e.target.value as DateFormat })} data-testid="set-dates">
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {tr.dateFormat(f)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
