/**
 * What the shared components need from the page they are on: the words of the user's language, the date
 * format, today. The popup and the dashboard each load the words before their first render and provide them
 * here; nothing renders before that.
 */
import { createContext, useContext } from 'react';
import type { Translator } from '@/utils/i18n';
import type { DateFormat } from '@/utils/record';

export interface Locale {
  tr: Translator;
  dateFormat: DateFormat;
  /** Today as YYYY-MM-DD in the user's time zone. */
  today: string;
}

export const LocaleContext = createContext<Locale | null>(null);

export function useLocale(): Locale {
  const v = useContext(LocaleContext);
  if (!v) throw new Error('useLocale outside a LocaleContext provider');
  return v;
}
