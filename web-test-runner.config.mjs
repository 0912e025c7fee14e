// Component tests (packages/*/src/**/*.test.ts) in real browsers: Debian's chromium through Playwright,
// Debian's firefox-esr through puppeteer's WebDriver BiDi. AIDE_BROWSERS=chromium (or firefox) narrows the run.
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { fileURLToPath } from 'node:url';
import { summaryLineReporter } from './scripts/reporters/wtr-summary.mjs';

const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const wanted = (process.env.AIDE_BROWSERS || 'chromium,firefox').split(',');

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        // Without the networking flags chromium floods refused connections on a closed network.
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
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true } }),
  );
}

export default {
  files: process.env.AIDE_WTR_FILES || 'packages/*/src/**/*.test.ts',
  // Lit's production build: no dev-mode warnings in every test file's logs.
  nodeResolve: { exportConditions: ['production'] },
  // Firefox delays focus in background tabs: its files run one at a time.
  concurrency: wanted.includes('firefox') ? 1 : 2,
  concurrentBrowsers: 1,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // The plugin reads this file raw ("extends" is not followed).
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  // /dist/aide/tutorials~<anything>/ is /dist/aide/tutorials/ at an address of its own: a test that measures what
  // the browser fetches reads files no earlier test left in the page's image cache.
  middleware: [
    (context, next) => {
      context.url = context.url.replace(/^\/dist\/aide\/tutorials~[\w-]+\//, '/dist/aide/tutorials/');
      return next();
    },
  ],
  browsers,
  reporters: [defaultReporter(), summaryLineReporter(`unit-${wanted.join('-')}`)],
  // A test's overall limit, not a speed check: it only stops a test that hangs. Each wait inside a test is for a
  // condition with its own limit (up to 10 s), and a test may wait three or four times, plus axe; on a busy machine
  // (load 16 under AIDE_CPU_CONTENTION) a locator test making three searches took more than 10 s.
  testFramework: { config: { timeout: 60000 } },
  // The same for a whole file (120 s by default): the locator's file runs some thirty searches.
  testsFinishTimeout: 600000,
};
