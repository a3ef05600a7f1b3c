/**
 * `npm start`: WXT's dev server, the way `wxt` runs it: a dev build in `.output/chrome-mv3-dev`, rebuilt on every
 * change, and Chromium opened with it loaded (web-ext.config.ts says which Chromium).
 *
 * On Linux without a display (no DISPLAY, no WAYLAND_DISPLAY: a container, an SSH session) the browser cannot
 * open; web-ext would fail with "CDP connection closed before response to Extensions.loadUnpacked". Then this
 * says so in one line and keeps the dev server running without WXT's browser runner, so the unpacked build still
 * rebuilds.
 */
import { createServer } from 'wxt';

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

if (noDisplay)
  console.warn(
    'No display (DISPLAY and WAYLAND_DISPLAY unset), so no browser is opened: ' +
      'load .output/chrome-mv3-dev as an unpacked extension by hand (it rebuilds on change), ' +
      'or run `xvfb-run npm start`.',
  );

try {
  const server = await createServer(noDisplay ? { webExt: { disabled: true } } : {});
  await server.start();
} catch (err) {
  console.error(err);
  process.exit(1);
}
