/**
 * Playwright fixtures shared by every end-to-end test: a page that fails the test on any uncaught error,
 * console error, CSP violation, cookie or request to another origin (the widget must make none).
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface Guards {
  /** Console errors a test expects (offline tests, refused geolocation…), as patterns. */
  allowedConsoleErrors: RegExp[];
  /** A test that opens a window on purpose (the printable help sheet) says so. */
  allowPopups: boolean;
}

export const test = base.extend<Guards>({
  allowedConsoleErrors: [[], { option: true }],
  allowPopups: [false, { option: true }],
  page: async ({ page, allowedConsoleErrors, allowPopups, baseURL }, use) => {
    const problems: string[] = [];
    const origin = new URL(baseURL!).origin;
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
    });
    // RGAA 13.2: no window opens by itself.
    page.on('popup', (popup) => {
      if (!allowPopups) problems.push(`a new window opened: ${popup.url()}`);
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.push(`third-party request: ${request.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(page);
    const cookies = await page.context().cookies();
    expect(cookies, 'the widget sets no cookie').toEqual([]);
    expect(problems, 'no error, CSP violation or third-party request during the test').toEqual([]);
  },
});

export { expect };

/** The deep focused element as "tag text", for focus assertions across shadow roots. */
export async function deepFocus(page: Page): Promise<{ tag: string; text: string; host: string | null }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let host: string | null = null;
    while (el?.shadowRoot?.activeElement) {
      host = el.tagName.toLowerCase();
      el = el.shadowRoot.activeElement;
    }
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim().replace(/\s+/g, ' '), host };
  });
}

/** Serves an ad-hoc host page from the demo origin, to test one embedding. */
export async function hostPage(page: Page, path: string, body: string, head = ''): Promise<void> {
  await page.route(`**${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Page hôte de test</title><link rel="icon" href="/favicon.svg">${head}</head><body><main><h1>Page hôte de test</h1>${body}</main></body></html>`,
    }),
  );
  await page.goto(path);
}

/**
 * Goes to a demo page and gets the panel open: after a navigation it reopens by itself when it was open (its state
 * follows the person, in the tab's session), and is then used as it is; else the floating launcher opens it. The
 * launcher stays visible until the next key or tap either way, so its visibility says nothing of the state.
 */
export async function openPanel(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  const reopens = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('aide:panel') ?? '{}') as { open?: boolean }).open === true);
  if (!reopens) await page.locator('aide-help[data-floating]').getByRole('button').click();
  await expect(page.locator('aide-panel').getByRole('dialog')).toBeVisible();
}
