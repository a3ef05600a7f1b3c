import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports: every dependency is visible in the file that uses it.
  imports: false,
  manifest: {
    name: 'Jobnote',
    description: 'Clip job postings, note every interview step, export jobname entries.',
    permissions: ['storage'],
    browser_specific_settings: {
      gecko: {
        id: 'jobnote@jobnote.dev',
        strict_min_version: '115.0',
      },
    },
  },
});
