/**
 * The dashboard's pages, in the address's hash: `#/` the list, `#/app/<id>` one application. Plain strings, so
 * the popup can link to an application (here, in the popup's first view) and the dashboard read its address
 * (utils/dashboard-route-read.ts), with an id any record may have.
 */
/** The hash of an application's page. */
export function appHash(id: string): string {
  return `#/app/${encodeURIComponent(id)}`;
}
