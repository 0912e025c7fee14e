/**
 * aide.js on a page that keeps changing: the elements a page adds later get their code, and the loader does not
 * read the device's storage on each change of the page (a MutationObserver callback runs on every DOM mutation).
 */
import { test, expect } from './fixtures.ts';

test.describe('loader', () => {
  test('reads the pending-feedback flag once, however much the page changes, and still loads elements added later', async ({ page }) => {
    await page.addInitScript(() => {
      const reads: string[] = [];
      (window as unknown as { __storageReads: string[] }).__storageReads = reads;
      const getItem = Storage.prototype.getItem;
      Storage.prototype.getItem = function (this: Storage, key: string) {
        if (this === window.localStorage) reads.push(key);
        return getItem.call(this, key);
      };
    });
    await page.goto('/');
    await expect(page.locator('aide-help[data-floating]').getByRole('button')).toBeVisible();
    const reads = () => page.evaluate(() => (window as unknown as { __storageReads: string[] }).__storageReads.filter((k) => k.startsWith('aide:')));
    expect(await reads()).toEqual(['aide:feedback-pending']);
    // The page changes a hundred times, as a single-page application would.
    await page.evaluate(async () => {
      const main = document.querySelector('main')!;
      for (let i = 0; i < 100; i++) {
        const p = document.createElement('p');
        p.textContent = `Ligne ${i}`;
        main.append(p);
        await new Promise(requestAnimationFrame);
      }
    });
    // Then it adds an element of the widget: its code arrives.
    await page.evaluate(() => {
      const locator = document.createElement('aide-locator');
      locator.setAttribute('src', '/aide/places/index.json');
      document.querySelector('main')!.append(locator);
    });
    await expect(page.locator('main aide-locator').getByRole('combobox')).toBeVisible();
    expect(await reads()).toEqual(['aide:feedback-pending']);
  });
});
