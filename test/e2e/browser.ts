// Browser test support: Debian's Chromium driven by playwright-core, never a
// downloaded browser. Without a browser the tests skip locally, but under
// CI=true a missing browser is a failure.

import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { Site } from '../../server/boot.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Undefined when the browser tests can run; otherwise why they are skipped. */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but no browser at ${CHROMIUM}: install Debian's chromium (.ci/run does)`);
  }
  return `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install -y chromium) to run the browser tests`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Serves a site on a loopback port. */
export async function listen(site: Site): Promise<{ server: Server; url: string }> {
  const server = createServer(site.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}
