import { defineConfig } from 'wxt';

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/**
 * Browser tests only: `JOBNOTE_TEST_HOST_PERMISSIONS=http://127.0.0.1/*` (match patterns, comma-separated)
 * builds a variant that also holds these host grants, into `.output/<browser>-mv<n>-test-hosts`, so a test
 * can inject the clipper without a toolbar click (Firefox cannot simulate one; tests/e2e/firefox.e2e.test.ts).
 * Unset, as in every shipped build, the manifest has no host permission at all (tests/e2e/manifest.e2e.test.ts).
 */
const TEST_HOST_PERMISSIONS = (process.env.JOBNOTE_TEST_HOST_PERMISSIONS ?? '')
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);

/** React, IndexedDB, the record model and repository, the edit session: see `codeSplitting` below. */
const CORE_MODULES =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|idb|jalaali-js)[\\/]|vite[\\/]preload-helper|[\\/]utils[\\/](record|record-validate|repository|boards|basics|summary|i18n|dates|steps|dashboard-route|deep-equal|journal|conflicts|edit-session|jobname[\\/]kinds)\.ts$|[\\/]services[\\/](changes|db|test-hooks)\.ts$|[\\/]components[\\/](useEditSession|SaveStatus|locale)\.tsx?$/;

// See https://wxt.dev/api/config.html
export default defineConfig({
  ...(TEST_HOST_PERMISSIONS.length
    ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}-test-hosts' }
    : {}),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports: every dependency is visible in the file that uses it.
  imports: false,
  vite: () => ({
    // Extension pages run in current browsers, which all support <link rel=modulepreload>: no polyfill.
    build: {
      modulePreload: { polyfill: false },
      // `SM=1 npm run build` writes source maps, to see what a chunk is made of; `NOMIN=1` leaves the code
      // unminified, for a CPU profile with the functions' names.
      sourcemap: !!process.env.SM,
      minify: !process.env.NOMIN,
    },
    plugins: [
      {
        // What the popup's first view and the dashboard both load at once, in one chunk: left to the automatic
        // split it becomes eight small files (each lazy panel shares a different part of it), and the popup's
        // JS until interactive (budget: 90 KB gzipped) grows by the gzip overhead of each. Only in the pages'
        // build: the background and the clipper are single IIFE files.
        name: 'jobnote:core-chunk',
        outputOptions(output: { format?: string }) {
          if (output.format === 'iife' || output.format === 'umd') return null;
          return { ...output, codeSplitting: { groups: [{ name: 'core', test: CORE_MODULES }] } };
        },
      },
    ],
    // The dev server's dependency scan starts from the extension's pages only; by default it reads every HTML
    // file in the project, and the saved board pages under tests/ import scripts that are not there.
    optimizeDeps: { entries: ['entrypoints/**/*.html'] },
  }),
  manifest: ({ browser }) => ({
    // Localised from public/_locales/<lang>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: ICONS,
    // activeTab + scripting: the clipper is injected only into the tab the user clips, on their click,
    // menu choice or shortcut. No host permissions, never <all_urls>. No `storage`: nothing uses
    // browser.storage (settings and records live in IndexedDB). SECURITY.md says why each one is needed.
    permissions: ['activeTab', 'scripting', 'contextMenus'],
    ...(TEST_HOST_PERMISSIONS.length ? { host_permissions: TEST_HOST_PERMISSIONS } : {}),
    commands: {
      'clip-posting': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_clipCommand__',
      },
    },
    // Firefox only (Chrome warns about unknown manifest keys).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jobnote@jobnote.dev',
              // data_collection_permissions (required by addons.mozilla.org) needs Firefox 140 (the ESR
              // line since 2025), and Firefox for Android 142; older Firefox refuses the key.
              strict_min_version: '140.0',
              // Jobnote keeps everything in the browser and sends nothing anywhere.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
