/**
 * Tables and images of published tutorials in <aide-walkthrough>, in real Chromium: a table wider than the panel
 * scrolls in its own keyboard-focusable region, with shadows as a visible cue, at 320 px and at 200 % zoom (a
 * 1280 px window at 200 % lays out like 640 px); an image with responsive versions is shown through <picture>
 * (AVIF, WebP, fallback srcset), and its enlarged view uses the largest version.
 */
import type { Page } from '@playwright/test';
import { test, expect, hostPage } from './fixtures.ts';
import { checkState } from '../a11y/harness.ts';

const walkthrough = (page: Page) => page.locator('aide-walkthrough');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const table = `<table><thead><tr><th scope="col">Justificatif</th><th scope="col">Où le trouver</th><th scope="col">Format accepté</th><th scope="col">Remarque</th></tr></thead><tbody>
<tr><td>Attestation d’hébergement</td><td>Auprès de la personne qui vous héberge</td><td>PDF ou photo</td><td>Signée et datée</td></tr>
<tr><td>Avis d’imposition</td><td>Dans votre espace particulier</td><td>PDF</td><td>Le dernier reçu</td></tr></tbody></table>`;
const image = {
  src: 'images/ecran-960.ab12cd34.png',
  alt: 'Écran de connexion avec le bouton « Se connecter » en bas',
  width: 1280,
  height: 800,
  sizes: '(min-width: 40em) 30rem, calc(100vw - 2rem)',
  sources: [
    { type: 'image/avif', srcset: 'images/ecran-480.ab12cd34.avif 480w, images/ecran-960.ab12cd34.avif 960w, images/ecran-1280.ab12cd34.avif 1280w' },
    { type: 'image/webp', srcset: 'images/ecran-480.ab12cd34.webp 480w, images/ecran-960.ab12cd34.webp 960w, images/ecran-1280.ab12cd34.webp 1280w' },
  ],
  fallback: { type: 'image/png', srcset: 'images/ecran-480.ab12cd34.png 480w, images/ecran-960.ab12cd34.png 960w, images/ecran-1280.ab12cd34.png 1280w' },
  full: 'images/ecran-1280.ab12cd34.png',
  bytes: 40000,
};
const chunk = {
  v: 1, slug: 'tableau', title: 'Préparer ses justificatifs', summary: 'Les pièces à préparer.', theme: 'démarches administratives', level: 'débutant', duration: 5,
  prerequisites: [], procedures: [], updated: '2026-12-01', checked: '2026-12-01', tags: [], licence: { name: 'Licence Ouverte 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  introHtml: '',
  steps: [
    { id: 'etape-1', title: 'Préparer les justificatifs', html: `<p>Rassemblez ces papiers :</p>${table}<p>Gardez-les près de vous.</p>` },
    // The shape the build publishes (tutorial-tools build.ts): the responsive <picture> inside an "enlarge" button.
    {
      id: 'etape-2',
      title: 'Vous connecter',
      html:
        `<p>Ouvrez le site.</p><p><button type="button" class="enlarge"><picture>${image.sources.map((s) => `<source type="${s.type}" srcset="${s.srcset}" sizes="${image.sizes}">`).join('')}` +
        `<img src="${image.src}" srcset="${image.fallback.srcset}" sizes="${image.sizes}" width="1280" height="800" decoding="async" alt="${image.alt.replace(/"/g, '&quot;')}" loading="lazy"></picture></button></p>`,
      images: [image],
    },
  ],
  glossary: [], links: [],
};

async function open(page: Page) {
  await page.route('**/t/images/**', (r) => r.fulfill({ contentType: 'image/png', body: PNG }));
  await page.route('**/t/index.json', (r) => r.fulfill({ json: { v: 1, licence: chunk.licence, themes: ['démarches administratives'], search: 'search.json', tutorials: [{ slug: 'tableau', title: chunk.title, summary: chunk.summary, theme: chunk.theme, level: 'débutant', duration: 5, procedures: [], updated: '2026-12-01', tags: [], stepCount: 2, file: 'tableau.json' }] } }));
  await page.route('**/t/tableau.json', (r) => r.fulfill({ json: chunk }));
  await hostPage(page, '/tableau.html', '<aide-walkthrough tutorial="tableau" src="/t/index.json"></aide-walkthrough><script src="/aide/aide.js" data-position="none" defer></script>');
  await walkthrough(page).getByRole('button', { name: 'Commencer', exact: true }).click();
  await expect(walkthrough(page).getByRole('region', { name: 'Tableau (faites défiler sur le côté)' })).toBeVisible();
}

for (const [label, width, height] of [['320 px', 320, 640], ['200 % zoom', 640, 400]] as const) {
  test(`a wide table at ${label}: scrolls in a focusable region with a visible cue, the page does not, no word broken`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await open(page);
    const region = walkthrough(page).getByRole('region', { name: 'Tableau (faites défiler sur le côté)' });
    const layout = await region.evaluate((el) => ({
      page: document.documentElement.scrollWidth,
      client: el.clientWidth,
      scroll: el.scrollWidth,
      background: getComputedStyle(el).backgroundImage,
      attachment: getComputedStyle(el).backgroundAttachment,
      // Every word of every cell on one line: the range of each word has a single box.
      broken: [...el.querySelectorAll('th, td')].flatMap((cell) => {
        const text = cell.firstChild!;
        const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
        return words.filter((m) => {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          return range.getClientRects().length > 1;
        }).map((m) => m[0]);
      }),
    }));
    expect(layout.page, 'the page itself never scrolls sideways').toBeLessThanOrEqual(width);
    // At 320 px four columns cannot fit: the table scrolls. At 640 px they may fit, and then nothing scrolls.
    if (width === 320) expect(layout.scroll, 'the table is wider than its region: it scrolls').toBeGreaterThan(layout.client);
    expect(layout.broken, 'no word broken letter by letter').toEqual([]);
    expect(layout.background).toMatch(/radial-gradient.*radial-gradient/);
    expect(layout.attachment).toMatch(/local, local, scroll, scroll/);
    // Keyboard: the region is in the tab order and the arrows scroll it.
    expect(await region.evaluate((el) => el.tabIndex)).toBe(0);
    await region.focus();
    if (layout.scroll > layout.client) {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => Math.ceil(el.scrollLeft + el.clientWidth) >= el.scrollWidth)).toBe(true);
    }
    await checkState(page, { name: `table-${width}`, widget: 'aide-walkthrough' });
  });
}

test('an image with responsive versions: <picture> with AVIF and WebP, srcset and sizes, enlarged at its largest', async ({ page }) => {
  await open(page);
  await walkthrough(page).getByRole('button', { name: 'Étape suivante' }).click();
  const picture = walkthrough(page).locator('.step-content picture');
  await expect(picture).toHaveCount(1);
  const described = await picture.evaluate((el) => ({
    sources: [...el.querySelectorAll('source')].map((s) => ({ type: s.type, srcset: s.srcset, sizes: s.sizes })),
    img: { srcset: el.querySelector('img')!.srcset, sizes: el.querySelector('img')!.sizes, width: el.querySelector('img')!.getAttribute('width'), loading: el.querySelector('img')!.loading },
  }));
  expect(described.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
  expect(described.sources[0]!.srcset).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/images\/ecran-480\.ab12cd34\.avif 480w, .*1280w$/);
  expect(described.img).toMatchObject({ sizes: image.sizes, width: '1280', loading: 'lazy' });
  expect(described.img.srcset).toMatch(/\/t\/images\/ecran-960\.ab12cd34\.png 960w/);
  await walkthrough(page).getByRole('button', { name: `Agrandir l’image : ${image.alt}` }).click();
  // The zoom view asks for the image at its full width: the largest version.
  const zoomed = page.locator('aide-image-zoom dialog img');
  await expect.poll(() => zoomed.evaluate((i: HTMLImageElement) => i.currentSrc)).toMatch(/\/t\/images\/ecran-1280\.ab12cd34\.avif$/);
});
