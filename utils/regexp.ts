/** A text as a literal inside a regular expression (`a.b` matches "a.b" only). No imports, no browser API. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
