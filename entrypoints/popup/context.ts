/** What every part of the popup needs: the words in the user's language and the date format. */
import { createContext, useContext } from 'react';
import type { Translator } from '@/utils/i18n';
import type { DateFormat } from '@/utils/record';

export interface PopupContextValue {
  tr: Translator;
  dateFormat: DateFormat;
  /** Today as YYYY-MM-DD in the user's time zone. */
  today: string;
}

/** Provided by App once the words of the user's language are loaded; nothing renders before that. */
export const PopupContext = createContext<PopupContextValue | null>(null);

export function usePopup(): PopupContextValue {
  const v = useContext(PopupContext);
  if (!v) throw new Error('usePopup outside the popup');
  return v;
}
