/**
 * Focuses an element once React has drawn it (a moved or added row is a new node). A button that became
 * disabled (moved to the top, its Up button) hands the focus to the first enabled button beside it.
 */
export function focusLater(id: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el instanceof HTMLButtonElement && el.disabled)
      el.parentElement?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    else el?.focus();
  });
}
