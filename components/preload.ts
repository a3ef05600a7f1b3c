/**
 * A module a page's first view shows but need not wait for: its chunk starts loading when `preload` is called
 * (at the importing module's start, beside the page's own work), and `usePreloaded` gives it once it is there,
 * null until then. Unlike React.lazy, a module already loaded is rendered at once, with no fallback frame.
 */
import { useEffect, useState } from 'react';

export interface Preloaded<T> {
  /** The module's value once loaded, else null. */
  current: T | null;
  promise: Promise<T>;
}

export function preload<T>(load: () => Promise<T>): Preloaded<T> {
  const p: Preloaded<T> = { current: null, promise: load() };
  p.promise = p.promise.then((v) => {
    p.current = v;
    return v;
  });
  return p;
}

/** The preloaded value, re-rendering once it arrives. */
export function usePreloaded<T>(p: Preloaded<T>): T | null {
  const [value, setValue] = useState<T | null>(() => p.current);
  useEffect(() => {
    if (value !== null) return;
    let live = true;
    void p.promise.then((v) => live && setValue(() => v));
    return () => {
      live = false;
    };
  }, [p, value]);
  return value;
}
