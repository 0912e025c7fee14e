/**
 * What the browser benchmarks share: the demo server (what `pnpm run build` produced, on a free port) and Debian's
 * chromium launched the way the e2e config does. `stop()` closes both.
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { createDemoServer } from './serve-demo.ts';

export interface DemoBrowser {
  /** The demo's origin, e.g. http://127.0.0.1:41234 */
  base: string;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startDemoBrowser(): Promise<DemoBrowser> {
  const server = createDemoServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      // Without the networking flags chromium floods refused connections on a closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return {
      base,
      browser,
      stop: async () => {
        await browser.close();
        server.close();
      },
    };
  } catch (error) {
    server.close();
    throw error;
  }
}
