import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';

// Debian's chromium: Playwright's own browser download is not possible on these machines.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
// A free port per run, so that a server left behind by an interrupted run (or another checkout's run) never
// collides. Chosen once in the main process; the workers inherit it through the environment.
process.env.AIDE_E2E_PORT ||= execFileSync(
  process.execPath,
  ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"],
  { encoding: 'utf8' },
);
const port = Number(process.env.AIDE_E2E_PORT);

export default defineConfig({
  testDir: './test/e2e',
  // Its own folder: Playwright empties it at each run, and test-results/ also holds the other runners' results
  // (their *-outcomes.json, read by the RGAA grid check, and the screen-reader transcripts).
  outputDir: './test-results/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  // The RGAA harness runs a dozen checks per UI state, a full keyboard walk included: long lists take time. The limit
  // only stops a test that hangs: under AIDE_CPU_CONTENTION=1 (load 16) the documentation page's test took 2.0 min.
  timeout: 300_000,
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
    // Never reuse: on a free port there is nothing of ours to reuse, and a stranger's server must not be tested.
    reuseExistingServer: false,
    timeout: 120_000,
    env: { AIDE_COLLECTOR_DB: ':memory:', AIDE_OPERATOR_TOKEN: '' },
  },
});
