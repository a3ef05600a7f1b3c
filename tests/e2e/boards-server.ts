/**
 * A tiny HTTP server that plays the job boards for the browser tests and the benchmark.
 *
 *   const server = await startBoardsServer();
 *   // Chromium with `--host-resolver-rules=${server.hostResolverRules}` sends jobinja.ir, jobvision.ir,
 *   // quera.org/.ir, linkedin.com, their subdomains (and careers.example.test) to this server.
 *   const fx = server.fixture('jobinja', 'full');   // tests/clip/jobinja/full.html at its recorded URL
 *   await page.goto(fx.pageUrl);                     // http://jobinja.ir/companies/.../jobs/AInJ/...
 *   server.setContent(fx.pageUrl, otherHtml);        // the next request gets other content
 *   server.beacons.count                             // requests to /beacon (any host) since resetBeacons()
 *   await server.close();
 *
 * Pages are routed by Host header + path (+ query), from the URL each fixture was visited at
 * (`tests/clip/<board>/<name>.json` → `url`), served over plain http with `Cache-Control: no-store`.
 * Anything else is a 404 (the fixtures' https:// assets fail fast: this server speaks no TLS).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../clip');
export const PAGES_DIR = resolve(import.meta.dirname, 'pages');

/**
 * Hosts the server answers for, with their subdomains (ir.linkedin.com); the tests' own pages use
 * careers.example.test.
 */
export const BOARD_HOSTS = [
  'jobinja.ir',
  'jobvision.ir',
  'quera.org',
  'quera.ir',
  'linkedin.com',
  'careers.example.test',
];

export const BEACON_PATH = '/beacon';

export type Content = string | (() => string);

export interface Fixture {
  board: string;
  name: string;
  /** The URL the page was saved from (https://…), as in its .json. */
  fixtureUrl: string;
  /** Where this server serves it: the same host and path over http. */
  pageUrl: string;
  html: string;
  /** The .json's `expected` (the posting fields, `scrapeJson` shape). */
  expected: Record<string, unknown> & {
    board?: string;
    url?: string;
    jobId?: string | null;
    title?: string | null;
    company?: { name: string | null; nameEn: string | null; website: string | null };
    description?: string | null;
    salary?: string | null;
  };
  /** The .json's `sources`, when it has them. */
  sources?: Record<string, string>;
}

export interface BeaconHit {
  url: string;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
}

export interface BoardsServer {
  port: number;
  /** For Chromium's `--host-resolver-rules=`: every board host to this server. */
  hostResolverRules: string;
  /** Serves `content` at `url` (its http:// form); returns that http:// URL. */
  route(url: string, content: Content, contentType?: string): string;
  /** Replaces what a routed URL serves from the next request on. */
  setContent(url: string, content: Content): void;
  /** Routes `tests/clip/<board>/<name>.html`; `name` defaults to `full`, else the first fixture. */
  fixture(board: string, name?: string): Fixture;
  /** The fixture names (`.html` with a `.json`) of a board, sorted. */
  fixtureNames(board: string): string[];
  /** Requests to `/beacon` on any host since the last reset. */
  beacons: { readonly count: number; readonly hits: readonly BeaconHit[] };
  resetBeacons(): void;
  /** Every request served (method, host, path), for debugging. */
  log: string[];
  close(): Promise<void>;
}

/** `http://host/path?query` of any URL (the key pages are stored under, and where to navigate). */
export function httpUrl(url: string): string {
  const u = new URL(url);
  u.protocol = 'http:';
  u.hash = '';
  return u.href;
}

function key(host: string, pathAndQuery: string): string {
  // Normalised through URL so that "جابینجا" in a fixture URL matches Chromium's %D8%AC… request path.
  const u = new URL(pathAndQuery, `http://${host.toLowerCase()}`);
  return `${u.host}${u.pathname}${u.search}`;
}

function keyOf(url: string): string {
  const u = new URL(url);
  return key(u.host, u.pathname + u.search);
}

export function fixtureNames(board: string, dir = FIXTURES_DIR): string[] {
  const folder = join(dir, board);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.html') && existsSync(join(folder, f.slice(0, -5) + '.json')))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function readFixture(board: string, name?: string, dir = FIXTURES_DIR): Omit<Fixture, 'pageUrl'> {
  const names = fixtureNames(board, dir);
  const chosen = name ?? (names.includes('full') ? 'full' : names[0]);
  if (!chosen || !names.includes(chosen)) {
    throw new Error(`no fixture ${board}/${name ?? '*'} in ${dir} (have: ${names.join(', ') || 'none'})`);
  }
  const html = readFileSync(join(dir, board, `${chosen}.html`), 'utf8');
  const json = JSON.parse(readFileSync(join(dir, board, `${chosen}.json`), 'utf8')) as {
    url: string;
    expected: Fixture['expected'];
    sources?: Record<string, string>;
  };
  if (typeof json.url !== 'string') throw new Error(`${board}/${chosen}.json has no url`);
  return { board, name: chosen, fixtureUrl: json.url, html, expected: json.expected ?? {}, sources: json.sources };
}

export async function startBoardsServer(options: { fixturesDir?: string } = {}): Promise<BoardsServer> {
  const dir = options.fixturesDir ?? FIXTURES_DIR;
  const routes = new Map<string, { content: Content; type: string }>();
  const hits: BeaconHit[] = [];
  const log: string[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const path = req.url ?? '/';
    log.push(`${req.method} ${host}${path}`);
    res.setHeader('Cache-Control', 'no-store');
    let parsed: URL;
    try {
      parsed = new URL(path, `http://${host || 'localhost'}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (parsed.pathname === BEACON_PATH) {
      hits.push({ url: `${host}${path}`, host, origin: req.headers.origin, referer: req.headers.referer });
      res.writeHead(204).end();
      return;
    }
    const route = routes.get(key(host, path)) ?? routes.get(key(host, parsed.pathname));
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Not found</title>');
      return;
    }
    const body = typeof route.content === 'function' ? route.content() : route.content;
    res.writeHead(200, { 'Content-Type': route.type, 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer(handle);
  // A TLS handshake or other garbage (the fixtures' https:// assets): just drop it.
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;

  const route = (url: string, content: Content, type = 'text/html; charset=utf-8') => {
    const href = httpUrl(url);
    routes.set(keyOf(href), { content, type });
    return href;
  };

  return {
    port,
    hostResolverRules: BOARD_HOSTS.flatMap((h) => [`MAP ${h} 127.0.0.1:${port}`, `MAP *.${h} 127.0.0.1:${port}`]).join(
      ', ',
    ),
    route,
    setContent(url, content) {
      const k = keyOf(httpUrl(url));
      const existing = routes.get(k);
      if (!existing) throw new Error(`${url} is not routed`);
      routes.set(k, { ...existing, content });
    },
    fixture(board, name) {
      const fx = readFixture(board, name, dir);
      return { ...fx, pageUrl: route(fx.fixtureUrl, fx.html) };
    },
    fixtureNames: (board) => fixtureNames(board, dir),
    beacons: {
      get count() {
        return hits.length;
      },
      get hits() {
        return hits;
      },
    },
    resetBeacons() {
      hits.length = 0;
    },
    log,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
