import { defineConfig, devices } from '@playwright/test';

// Debian's chromium: Playwright's own browser download is not possible on these machines.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const port = Number(process.env.AIDE_E2E_PORT || 4310);

export default defineConfig({
  testDir: './test/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  // The RGAA harness runs a dozen checks per UI state, a full keyboard walk included: long lists take time.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./scripts/reporters/playwright-summary.ts']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // The demo server serves what `pnpm run build` produced (dist/aide), like a real deployment.
    command: `node --import tsx scripts/serve-demo.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    // The RGAA harness runs a dozen checks per UI state, a full keyboard walk included: long lists take time.
  timeout: 120_000,
    env: { AIDE_COLLECTOR_DB: ':memory:' },
  },
});
