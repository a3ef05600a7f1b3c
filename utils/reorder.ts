/**
 * Moving an item within a list of items with ids (steps, sections of questions). A module of its own, not in
 * utils/basics.ts: the popup's first view loads that one, and only the application page moves things.
 */

/** Moves the item with this id to position `to` of its list (clamped), in place; returns it, if it is there. */
export function moveItem<T extends { id: string }>(list: T[], id: string, to: number): T | undefined {
  const at = list.findIndex((x) => x.id === id);
  if (at < 0) return undefined;
  const [item] = list.splice(at, 1);
  list.splice(Math.max(0, Math.min(list.length, to)), 0, item);
  return item;
}
