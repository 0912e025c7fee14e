import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildManifest } from './manifest.ts';

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: { name: string; inheritedFrom?: { package?: string } }[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

const elements = (name: Parameters<typeof buildManifest>[0]) =>
  (JSON.parse(buildManifest(name)) as { modules: { declarations?: Declaration[] }[] }).modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement);

test('the manifests name every element by its tag (registered through defineElement) with its full API', () => {
  const all = new Map([...elements('walkthrough'), ...elements('locator'), ...elements('feedback'), ...elements('embed')].map((d) => [d.tagName, d]));
  assert.deepEqual([...all.keys()].sort(), ['aide-experiences', 'aide-feedback', 'aide-help', 'aide-image-zoom', 'aide-locator', 'aide-panel', 'aide-walkthrough']);
  for (const [tag, element] of all) {
    assert.ok(element.summary, `${tag}: a summary`);
    assert.ok(element.cssParts?.length, `${tag}: CSS parts`);
    assert.ok(element.cssProperties?.some((p) => p.name === '--aide-color-primary'), `${tag}: CSS custom properties`);
    // <aide-experiences> only shows what was published: it has nothing to tell the page.
    if (tag !== 'aide-experiences') assert.ok(element.events?.length, `${tag}: events`);
    for (const event of element.events ?? []) assert.match(event.type?.text ?? '', /^Aide\w+Event$/, `${tag}: ${event.name} has its event class`);
  }
  const walkthrough = all.get('aide-walkthrough')!;
  assert.deepEqual(walkthrough.events?.map((e) => e.name), ['aide-step-change', 'aide-open-view', 'aide-reveal-page']);
  // Inherited from the base class, and said so.
  assert.equal(walkthrough.attributes?.find((a) => a.name === 'lang')?.inheritedFrom?.package, '@aide/core/element');
  assert.ok(walkthrough.attributes?.some((a) => a.name === 'no-persist'));
  // <aide-help> takes the configuration's attributes, from the configuration's own table.
  assert.ok(all.get('aide-help')!.attributes?.some((a) => a.name === 'report-blocked'));
});
