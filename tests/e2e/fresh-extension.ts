/** One extension per test file, launched once, with its data cleared before each test. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchExtension } from './harness';
import type { ExtensionHarness, LaunchOptions } from './harness';

/** Registers the hooks of the calling suite; the returned function gives the running extension. */
export function freshExtension(options?: LaunchOptions): () => ExtensionHarness {
  let ext: ExtensionHarness | undefined;
  beforeAll(async () => {
    ext = await launchExtension(options);
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    await ext!.clearData();
  });
  return () => ext!;
}
