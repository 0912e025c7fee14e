import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '@aide/core/testing';
import '../define.ts';
import type { AideLocator } from './locator.ts';
import { catalogueLoaders, locatorFr, type LocatorStrings } from './strings.ts';
import type { PhoneLineConfig, PlacesIndex, Vocabularies } from '../engine/types.ts';
import { sourceDate } from './place-view.ts';

/**
 * Plain words (issue 9): no label the built dataset can show is a raw identifier — a package or dataset name
 * (« @etalab/decoupage-administratif »), a slash, snake_case, kebab-case, a dotted name (« geo.api.gouv.fr »).
 */
const RAW_IDENTIFIER = [/@/, /\//, /\b[a-z0-9]+_[a-z0-9_]+\b/i, /(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])/g, /\b[a-z][a-z0-9]*\.[a-z][a-z0-9]*\b/];
/** Words of the languages that are written lowercase with a hyphen, like a kebab-case name. */
const HYPHENATED_WORDS = new Set(['rendez-vous']);
const rawPart = (label: string) =>
  RAW_IDENTIFIER.flatMap((pattern) => (pattern.global ? [...label.matchAll(pattern)] : [pattern.exec(label)]).map((m) => m?.[0]))
    .filter((match) => match !== undefined && !HYPHENATED_WORDS.has(match))
    .at(0);

// The data built by `pnpm run build`, as the component reads it.
const SRC = '/dist/aide/places/index.json';
/** The vocabularies a person sees: as filters and on the places (fees and access only as « Gratuit » and links). */
const SHOWN: Exclude<keyof Vocabularies, 'plainFr'>[] = ['services', 'publics', 'specificSupport', 'supportKinds', 'labels'];

async function shownLabels(t: LocatorStrings): Promise<string[]> {
  const index = (await (await fetch(SRC)).json()) as PlacesIndex;
  const line = (await (await fetch(new URL(index.files.phoneLine, new URL(SRC, location.href)))).json()) as PhoneLineConfig;
  return [
    // As the element shows them: the catalogue's words, else the data's French plain words, else the value itself.
    ...SHOWN.flatMap((key) => index.vocabularies[key].map((value) => t.vocabulary?.[value] ?? index.vocabularies.plainFr[value] ?? value)),
    index.attribution.title,
    index.attribution.notice,
    ...index.attribution.sources.map((s) => `${s.name} (${s.licence}${s.date ? `, ${sourceDate(s.date)}` : ''})`),
    line.name,
    line.description,
    line.cost,
    ...Object.values(t).filter((v): v is string => typeof v === 'string'),
  ];
}

const text = (e: Element) => e.textContent.replace(/\s+/g, ' ').trim();

describe('plain words in what the locator shows (issue 9)', () => {
  it('the scanner catches raw identifiers; dates are written in words', () => {
    expect([sourceDate('2024-08-01'), sourceDate('2022-12'), sourceDate('2026')]).to.deep.equal(['1 août 2024', 'décembre 2022', '2026']);
    for (const raw of ['@etalab/decoupage-administratif', 'Familles et/ou enfants', 'lieux_mediation', 'standard-mediation-num', 'geo.api.gouv.fr']) {
      expect(rawPart(raw), raw).to.not.equal(undefined);
    }
    for (const plain of ['Saint-Étienne', 'Licence Ouverte 2.0', 'Croix-Rouge française', 'Prendre rendez-vous en ligne', 'One-to-one help']) {
      expect(rawPart(plain), plain).to.equal(undefined);
    }
  });

  for (const locale of ['fr', 'en', 'ar'] as const) {
    it(`every label of the built dataset, in ${locale}, is in plain words`, async () => {
      const t = locale === 'fr' ? locatorFr : await catalogueLoaders[locale]();
      const labels = await shownLabels(t);
      expect(labels.length).to.be.greaterThan(40);
      expect(labels.map((label) => [label, rawPart(label)]).filter(([, raw]) => raw !== undefined)).to.deep.equal([]);
      expect(labels.filter((label) => /Bibliothèques numérique\b|Labels et dispositifs/.test(label))).to.deep.equal([]);
    });
  }

  it('the filters, the places and the sources on screen say it plainly; « Promeneurs du Net » is explained', async () => {
    const el = await fixture<AideLocator>(html`<aide-locator src=${SRC}></aide-locator>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#location'), 'the form');
    const field = el.shadowRoot!.querySelector<HTMLInputElement>('#location')!;
    field.value = '29200';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.place').length === 10, 'results');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.filters-toggle')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.sources'), 'the sources');
    el.shadowRoot!.querySelector<HTMLDetailsElement>('.sources')!.open = true;
    await el.updateComplete;
    const shown = [...el.shadowRoot!.querySelectorAll('.filters label, .filters legend, .labels li, .services, .sources li, .sources p')].map(text);
    expect(shown.length).to.be.greaterThan(50);
    expect(shown.map((label) => [label, rawPart(label)]).filter(([, raw]) => raw !== undefined)).to.deep.equal([]);
    expect(shown).to.include('Promeneurs du Net : des éducateurs qui aident les jeunes sur internet');
    expect(shown).to.include('Bibliothèque numérique de référence');
    expect(shown).to.include('Réseaux d’aide nationaux');
    await expect(el).to.be.accessible();
  });
});
