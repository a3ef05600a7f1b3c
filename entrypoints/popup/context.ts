/**
 * What every part of the popup needs: the words in the user's language and the date format (shared with
 * the dashboard).
 */
export {
  LocaleContext as PopupContext,
  useLocale as usePopup,
  type Locale as PopupContextValue,
} from '@/components/locale';
