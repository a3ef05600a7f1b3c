// @vitest-environment jsdom
/**
 * Persistent storage: the service over the browser's `navigator.storage` (stubbed here, as each browser may
 * answer), the sizes in words, and the settings' storage part in English and Persian.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageStatus } from '../../entrypoints/popup/StorageStatus';
import { estimate, persisted, requestPersist } from '../../services/storage';
import { byteSize } from '../../utils/bytes';
import { InLocale, jsdomRoot } from './locale-helpers';

type Fake = Partial<Record<'persisted' | 'persist' | 'estimate', () => Promise<unknown>>>;

/** `navigator.storage` as a browser would have it (or without it, with `undefined`). */
function stubStorage(fake: Fake | undefined) {
  Object.defineProperty(navigator, 'storage', { value: fake, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

/** A browser whose data is not persistent until `persist()` is answered with `grant`. */
function browserStorage(grant: boolean) {
  let kept = false;
  const persist = vi.fn(async () => {
    kept = grant;
    return grant;
  });
  return {
    persist,
    fake: {
      persisted: async () => kept,
      persist,
      estimate: async () => ({ usage: 46_080, quota: 10 * 1024 ** 3 + 46_080 }),
    } satisfies Fake,
  };
}

describe('services/storage', () => {
  it('reads what the browser says', async () => {
    const { fake, persist } = browserStorage(true);
    stubStorage(fake);
    expect(await persisted()).toBe(false);
    expect(await estimate()).toEqual({ usage: 46_080, quota: 10 * 1024 ** 3 + 46_080 });
    expect(await requestPersist()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await persisted()).toBe(true);
  });

  it('answers null where the browser has no answer', async () => {
    stubStorage(undefined);
    expect(await persisted()).toBeNull();
    expect(await estimate()).toBeNull();
    expect(await requestPersist()).toBeNull();
    stubStorage({ estimate: async () => ({}) });
    expect(await persisted()).toBeNull();
    expect(await estimate()).toBeNull();
    expect(await requestPersist()).toBeNull();
  });

  it('reads a failing check as no answer, and passes on a failing request', async () => {
    const fail = async () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    stubStorage({ persisted: fail, estimate: fail, persist: fail });
    expect(await persisted()).toBeNull();
    expect(await estimate()).toBeNull();
    await expect(requestPersist()).rejects.toThrow('The operation is insecure.');
  });
});

describe('byteSize', () => {
  it.each([
    [0, 0, 'B'],
    [1000, 1000, 'B'],
    [1024, 1, 'KB'],
    [46_080, 45, 'KB'],
    [9.5 * 1024, 9.5, 'KB'],
    [1024 ** 2 - 1, 1, 'MB'],
    [1.25 * 1024 ** 2, 1.3, 'MB'],
    [10 * 1024 ** 3 + 46_080, 10, 'GB'],
    [3 * 1024 ** 5, 3072, 'TB'],
  ])('%d bytes are %d %s', (bytes, value, unit) => {
    expect(byteSize(bytes)).toEqual({ value, unit });
  });
});

describe('the settings’ storage part', () => {
  const dom = jsdomRoot();
  const shown = (id: string) => dom.container.querySelector(`[data-testid="${id}"]`);

  async function render(lang: 'en' | 'fa') {
    await act(async () =>
      dom.root.render(
        <InLocale lang={lang}>
          <StorageStatus />
        </InLocale>,
      ),
    );
  }

  async function click(el: Element | null) {
    await act(async () => {
      (el as HTMLButtonElement).click();
    });
  }

  it('says the data is not persistent and how much is used, asks, and shows the browser’s yes', async () => {
    const { fake, persist } = browserStorage(true);
    stubStorage(fake);
    await render('en');
    expect(shown('storage-persisted')!.textContent).toBe(
      'Not persistent: when the disk runs low, the browser may delete Jobnote’s data, your applications too, without asking.',
    );
    expect(shown('storage-usage')!.textContent).toBe('Jobnote uses 45 KB of the 10 GB the browser allows it.');
    await click(shown('storage-persist'));
    expect(persist).toHaveBeenCalledTimes(1);
    expect(shown('storage-answer')!.textContent).toBe('The browser agreed: Jobnote’s data is persistent now.');
    expect(shown('storage-persisted')!.textContent).toBe(
      'Persistent: the browser keeps Jobnote’s data even when the disk runs low.',
    );
    // Nothing more to ask for.
    expect(shown('storage-persist')).toBeNull();
  });

  it('shows the browser’s no, and the button stays to ask again', async () => {
    const { fake, persist } = browserStorage(false);
    stubStorage(fake);
    await render('en');
    await click(shown('storage-persist'));
    expect(shown('storage-answer')!.textContent).toMatch(/^The browser said no: .*Keep a backup from the dashboard/);
    expect(shown('storage-persisted')!.getAttribute('data-persisted')).toBe('false');
    await click(shown('storage-persist'));
    expect(persist).toHaveBeenCalledTimes(2);
  });

  it('says why when the request fails', async () => {
    stubStorage({
      persisted: async () => false,
      persist: async () => {
        throw new DOMException('', 'InvalidStateError');
      },
    });
    await render('en');
    expect(shown('storage-usage')!.textContent).toBe('The browser does not say how much space Jobnote uses.');
    await click(shown('storage-persist'));
    expect(shown('storage-answer')!.textContent).toBe('The browser could not be asked: InvalidStateError');
  });

  it('without an answer from the browser, says so and offers no button', async () => {
    stubStorage(undefined);
    await render('en');
    expect(shown('storage-persisted')!.textContent).toBe(
      'This browser does not say whether it keeps Jobnote’s data when the disk runs low.',
    );
    expect(shown('storage-persist')).toBeNull();
  });

  it('in Persian, with Persian digits and units', async () => {
    const { fake } = browserStorage(true);
    stubStorage(fake);
    await render('fa');
    expect(shown('storage')!.querySelector('legend')!.textContent).toBe('فضای ذخیره‌سازی');
    expect(shown('storage-persisted')!.textContent).toMatch(/^ماندگار نیست: /);
    expect(shown('storage-usage')!.textContent).toBe(
      'جاب‌نوت ۴۵ کیلوبایت از ۱۰ گیگابایت فضایی را که مرورگر به آن می‌دهد به کار برده است.',
    );
    expect(shown('storage-persist')!.textContent).toBe('از مرورگر بخواه نگهش دارد');
    await click(shown('storage-persist'));
    expect(shown('storage-answer')!.textContent).toBe('مرورگر پذیرفت: داده‌های جاب‌نوت اکنون ماندگار است.');
  });
});
