import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';

/**
 * How `npm start` (scripts/start.ts, WXT's dev server) opens a browser with the extension loaded (via web-ext).
 *
 * Chrome/Chromium: `CHROME_PATH` if set, else the first of the usual Linux paths that exists, else web-ext's
 * own search (chrome-launcher: the installed Chrome on macOS / Windows). Firefox (`npm run dev:firefox`):
 * `FIREFOX_PATH` if set, else web-ext's search.
 */
const chromium =
  process.env.CHROME_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'].find(
    (p) => existsSync(p),
  );

const binaries: Record<string, string> = {};
if (chromium) binaries.chrome = chromium;
if (process.env.FIREFOX_PATH) binaries.firefox = process.env.FIREFOX_PATH;

export default defineWebExtConfig({
  binaries,
  // Chromium refuses to start as root without it (containers, CI machines).
  chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
