/**
 * The dashboard's pages, in the address's hash: `#/` the list, `#/app/<id>` one application. Plain strings, so
 * the popup can link to an application and the dashboard read its address, with an id any record may have.
 */
export type DashboardRoute = { page: 'list' } | { page: 'app'; id: string };

/** The hash of an application's page. */
export function appHash(id: string): string {
  return `#/app/${encodeURIComponent(id)}`;
}

/** The page a hash names: an application's, or the list for anything else (an unknown or broken address). */
export function readRoute(hash: string): DashboardRoute {
  const m = /^#\/app\/([^/?#]+)$/.exec(hash);
  if (!m) return { page: 'list' };
  try {
    const id = decodeURIComponent(m[1]);
    return id ? { page: 'app', id } : { page: 'list' };
  } catch {
    return { page: 'list' };
  }
}
