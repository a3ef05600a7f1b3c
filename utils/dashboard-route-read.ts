/**
 * The dashboard's reading of its address (utils/dashboard-route.ts writes it): a module of its own, so the
 * popup, which only links, does not carry it.
 */
export type DashboardRoute = { page: 'list' } | { page: 'app'; id: string };

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
