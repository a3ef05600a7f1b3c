/**
 * What an extension page shows when its database upgrade waits for another Jobnote page of an older version
 * (`UpgradeBlockedError`): its settings cannot be read then, so it speaks the browser's language.
 */
import { loadDictionary, loadPanelWords, resolveLang, translator, type Translator } from '@/utils/i18n';

export function UpgradeBlocked({ tr }: { tr: Translator }) {
  return (
    <p role="alert" className="notice notice-error" data-testid="upgrade-blocked" dir={tr.dir} lang={tr.lang}>
      {tr.t('upgradeBlocked')}
    </p>
  );
}

/** The words of the browser's language (`uiLanguage`, as `chrome.i18n.getUILanguage()` gives it). */
export async function blockedTranslator(uiLanguage: string | undefined): Promise<Translator> {
  const lang = resolveLang('auto', uiLanguage);
  const dictionary = await loadDictionary(lang);
  await loadPanelWords(lang, dictionary);
  return translator(lang, dictionary);
}
