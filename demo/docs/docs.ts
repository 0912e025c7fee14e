/**
 * The documentation page of the demo (composants.html), generated from the packages' Custom Elements Manifests:
 * per element its summary, a live example, attributes and properties, events, slots, CSS parts and custom
 * properties; then the embed configurator. The manifests come from the code's JSDoc (scripts/manifest.ts), so the
 * page cannot drift from the API.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { elementsOf, type Described, type ElementDeclaration, type Manifest, type Member } from './manifest.ts';
import { Configurator } from './configurator.ts';

/** Live examples, as an administration would write them (the page loads aide.js, which loads each element). */
const EXAMPLES: Record<string, { markup: string; note: string }> = {
  'aide-walkthrough': {
    markup: '<aide-walkthrough src="/aide/tutorials/index.json" heading-level="4" no-persist></aide-walkthrough>',
    note: 'Le catalogue des tutoriels, la recherche et un tutoriel à la fois.',
  },
  'aide-locator': {
    markup: '<aide-locator src="/aide/places/index.json" heading-level="4"></aide-locator>',
    note: 'Essayez un code postal (69001) ou une commune (Saint-Étienne).',
  },
  'aide-feedback': {
    markup: '<aide-feedback endpoint="/api/v1/feedback" procedure="documentation" heading-level="4" no-persist></aide-feedback>',
    note: 'Les avis envoyés ici vont au service de collecte de la démonstration.',
  },
  'aide-help': {
    markup: '<aide-help></aide-help>',
    note: 'Le bouton placé dans la page : il ouvre le panneau d’aide (élément <aide-panel>).',
  },
  'aide-panel': {
    markup: '<aide-help></aide-help>',
    note: 'Le panneau est créé par aide.js au premier clic sur un bouton « Besoin d’aide ? ».',
  },
};

const text = (value: string | undefined) => value ?? '';
const code = (value: string) => html`<code>${value}</code>`;

/**
 * One part of the interface (attributes, events…) as a list: a list reflows at any width, where a five-column table
 * would scroll sideways on a phone (RGAA 10.11).
 */
function apiList(element: string, title: string, items: { name: TemplateResult; details?: TemplateResult | typeof nothing; description?: string }[], empty: string) {
  const id = `${element}-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return html`<h4 id=${id}>${title}</h4>
    ${items.length
      ? html`<ul class="api" aria-labelledby=${id}>
          ${items.map((item) => html`<li><p class="api-name">${item.name}${item.details ?? nothing}</p>${item.description ? html`<p>${item.description}</p>` : nothing}</li>`)}
        </ul>`
      : html`<p>${empty}</p>`}`;
}

// The space before the label is part of its text: a space of its own next to Lit's marker is left out of Chromium's
// accessibility tree, and a screen reader would hear « srcpropriété ».
const detail = (label: string, value: string | undefined) => (value ? html`<span class="api-detail">${` ${label} `}<code>${value}</code></span>` : nothing);

function elementSection(element: ElementDeclaration) {
  const tag = element.tagName!;
  const id = `api-${tag}`;
  const example = EXAMPLES[tag];
  const publicMembers = (element.members ?? []).filter((m: Member) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('_'));
  const described = (d: Described) => text(d.description);
  return html`<section class="element" aria-labelledby=${id}>
    <h2 id=${id}><code>&lt;${tag}&gt;</code></h2>
    <p class="summary">${text(element.summary)}</p>
    <p>${text(element.description)}</p>
    ${example
      ? html`<h3>Exemple</h3>
          <p>${example.note}</p>
          <pre class="code" tabindex="0" role="region" aria-label=${`Code de l’exemple de ${tag}`}><code>${example.markup}</code></pre>
          <div class="example">${unsafeHTML(example.markup)}</div>`
      : nothing}
    <h3>Interface</h3>
    ${apiList(
      tag,
      'Attributs',
      (element.attributes ?? []).map((a) => ({
        name: code(a.name),
        details: html`${detail('propriété', a.fieldName)}${detail('type', a.type?.text)}${detail('par défaut', a.default)}`,
        description: described(a),
      })),
      'Aucun attribut.',
    )}
    ${apiList(
      tag,
      'Propriétés et méthodes',
      publicMembers.map((m) => ({ name: code(m.kind === 'method' ? `${m.name}()` : m.name), details: detail('type', m.type?.text), description: described(m) })),
      'Aucune.',
    )}
    ${apiList(tag, 'Événements', (element.events ?? []).map((e) => ({ name: code(e.name), details: detail('classe', e.type?.text), description: described(e) })), 'Aucun événement.')}
    ${apiList(
      tag,
      'Emplacements (slots)',
      (element.slots ?? []).map((s) => ({ name: code(s.name || '(par défaut)'), description: described(s) })),
      'Aucun emplacement : le composant ne reçoit pas de contenu de la page.',
    )}
    ${apiList(tag, 'Parties CSS', (element.cssParts ?? []).map((p) => ({ name: code(`::part(${p.name})`), description: described(p) })), 'Aucune partie.')}
    ${apiList(tag, 'Propriétés CSS', (element.cssProperties ?? []).map((p) => ({ name: code(p.name), description: described(p) })), 'Aucune.')}
  </section>`;
}

async function main() {
  const api = document.getElementById('api')!;
  const configurator = document.getElementById('configurator')!;
  let procedures: string[] = [];
  try {
    const index = (await (await fetch('/aide/tutorials/index.json')).json()) as { tutorials: { procedures: string[] }[] };
    procedures = [...new Set(index.tutorials.flatMap((t) => t.procedures).filter((p) => !p.startsWith('https://')))].sort();
  } catch {
    // Without the tutorial index the field still works, without suggestions.
  }
  new Configurator(configurator, procedures).start();
  try {
    const manifest = (await (await fetch('/docs/custom-elements.json')).json()) as Manifest;
    const elements = elementsOf(manifest);
    render(
      html`<nav aria-label="Éléments"><ul>${elements.map((e) => html`<li><a href="#api-${e.tagName}"><code>&lt;${e.tagName}&gt;</code></a></li>`)}</ul></nav>
        ${elements.map(elementSection)}`,
      api,
    );
  } catch {
    render(html`<p class="error">La description des composants (custom-elements.json) n’a pas pu être chargée.</p>`, api);
  }
  api.setAttribute('aria-busy', 'false');
}

void main();
