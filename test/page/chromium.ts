// The Debian chromium package, driven by playwright-core, for the review page's end-to-end test.
// A fresh profile each run, and the flags that keep Chromium off the network (it has nothing to
// fetch: the page is a file).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where the Debian package installs Chromium (`.ci/run` installs it when missing). */
export const chromiumPath = '/usr/bin/chromium';

const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A Chromium with a fresh profile; `close` ends it and removes the profile. */
export async function openChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not installed at ${chromiumPath}: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), 'chuan-ngheo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    // The profile directory is given to Chromium as its --user-data-dir.
    args: flags,
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 1200 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
