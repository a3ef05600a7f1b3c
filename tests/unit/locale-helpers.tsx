/**
 * The shared components' tests: a React root in jsdom for each test, and a LocaleContext in English or
 * Persian with the real dictionaries.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';
import { LocaleContext } from '../../components/locale';
import { translator, type DashboardTranslator, type Lang } from '../../utils/i18n';
import * as dashboardEn from '../../utils/i18n/dashboard-en';
import * as dashboardFa from '../../utils/i18n/dashboard-fa';
import * as en from '../../utils/i18n/en';
import * as enPanels from '../../utils/i18n/en-panels';
import * as fa from '../../utils/i18n/fa';
import * as faPanels from '../../utils/i18n/fa-panels';
import type { DateFormat } from '../../utils/record';

/** The dashboard's translators (the popup's words and the dashboard's own), which the popup's extend. */
export const TR: Record<Lang, DashboardTranslator> = {
  en: translator('en', { ...en, messages: { ...en.messages, ...enPanels.messages, ...dashboardEn.messages } }),
  fa: translator('fa', { ...fa, messages: { ...fa.messages, ...faPanels.messages, ...dashboardFa.messages } }),
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

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A fresh container in the document and a React root in it for each test (`dom.root` may be replaced). */
export function jsdomRoot(): { container: HTMLDivElement; root: Root } {
  const dom = {} as { container: HTMLDivElement; root: Root };
  beforeEach(() => {
    dom.container = document.createElement('div');
    document.body.append(dom.container);
    dom.root = createRoot(dom.container);
  });
  afterEach(() => {
    act(() => dom.root.unmount());
    dom.container.remove();
  });
  return dom;
}
