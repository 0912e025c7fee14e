/**
 * The browsers of the journeys, as a person runs them: a real window on the virtual display, accessibility on,
 * driven only through the display's keyboard. The automation connection (CDP for Chromium, WebDriver BiDi for
 * Firefox ESR, both through puppeteer-core) starts the browser and lets the journey check the page's state.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.CHROME_PATH || '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
};

export interface OpenBrowser {
  browser: Browser;
  page: Page;
  pid: number;
  close(): Promise<void>;
}

export async function openBrowser(name: BrowserName, url: string, options: { env: NodeJS.ProcessEnv; profile: string; timeout: number }): Promise<OpenBrowser> {
  mkdirSync(options.profile, { recursive: true });
  let browser: Browser;
  if (name === 'chromium') {
    // Chromium's translation bubble ("Translate this page?") would be read on a French page.
    mkdirSync(join(options.profile, 'Default'), { recursive: true });
    writeFileSync(join(options.profile, 'Default/Preferences'), JSON.stringify({ translate: { enabled: false } }));
    browser = await puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless: false,
      userDataDir: options.profile,
      defaultViewport: null,
      env: options.env,
      timeout: options.timeout,
      ignoreDefaultArgs: ['--enable-automation'],
      args: [
        // An application window: the page has the focus at once, no address bar in the way.
        `--app=${url}`,
        '--window-position=0,0',
        '--window-size=1280,800',
        '--force-renderer-accessibility',
        '--no-sandbox',
        '--no-first-run',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--password-store=basic',
      ],
    });
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: false,
      userDataDir: options.profile,
      defaultViewport: null,
      env: options.env,
      timeout: options.timeout,
      args: ['--kiosk', '--width=1280', '--height=800', url],
      extraPrefsFirefox: {
        // Accessibility is on when a screen reader is (GNOME_ACCESSIBILITY=1 in the environment); never off.
        'accessibility.force_disabled': 0,
        'browser.aboutwelcome.enabled': false,
        'browser.translations.enable': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'browser.startup.homepage_override.mstone': 'ignore',
      },
    });
  }
  const pid = browser.process()?.pid;
  if (!pid) throw new Error(`${name} : pas de processus`);
  const started = Date.now();
  let page: Page | undefined;
  while (!page) {
    page = (await browser.pages()).find((p) => p.url().startsWith(url.split('?')[0]!));
    if (!page) {
      if (Date.now() - started > options.timeout) throw new Error(`${name} n'a pas ouvert ${url}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    browser,
    page,
    pid,
    async close() {
      const timer = setTimeout(() => browser.process()?.kill('SIGKILL'), 10_000);
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      clearTimeout(timer);
    },
  };
}
