/** The shared components' tests: a LocaleContext in English or Persian, with the real dictionaries. */
import type { ReactNode } from 'react';
import { LocaleContext } from '../../components/locale';
import { translator, type DashboardTranslator, type Lang } from '../../utils/i18n';
import * as dashboardEn from '../../utils/i18n/dashboard-en';
import * as dashboardFa from '../../utils/i18n/dashboard-fa';
import * as en from '../../utils/i18n/en';
import * as fa from '../../utils/i18n/fa';
import type { DateFormat } from '../../utils/record';

/** The dashboard's translators (the popup's words and the dashboard's own), which the popup's extend. */
export const TR: Record<Lang, DashboardTranslator> = {
  en: translator('en', { ...en, messages: { ...en.messages, ...dashboardEn.messages } }),
  fa: translator('fa', { ...fa, messages: { ...fa.messages, ...dashboardFa.messages } }),
};

export function InLocale({
  lang,
  dateFormat = 'jalali-dot',
  today = '2025-10-25',
  children,
}: {
  lang: Lang;
  dateFormat?: DateFormat;
  today?: string;
  children: ReactNode;
}) {
  return <LocaleContext.Provider value={{ tr: TR[lang], dateFormat, today }}>{children}</LocaleContext.Provider>;
}
