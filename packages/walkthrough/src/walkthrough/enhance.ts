/**
 * Makes a step's published HTML work inside the widget: heading levels under the step's title, images that
 * enlarge (in their responsive versions), tables that scroll sideways in a named region, links that open a new window or go to another step or tutorial, glossary terms that show their
 * definition, callouts as named notes (translated titles, "Trouver de l'aide" under « Si ça ne marche pas »).
 *
 * It rewrites the DOM that Lit rendered from the HTML string, once per step and locale (`key`). It depends on
 * nothing but its arguments, so that this work can move to the tutorial build (the HTML would then arrive ready,
 * and only the listeners would be attached here).
 */
import type { GlossaryEntry, TutorialImage } from '../format.ts';

interface EnhanceStrings {
  newWindow: string;
  enlarge(alt: string): string;
  /** Name of the scrolling region around a table. */
  tableRegion: string;
  definitionOf(term: string): string;
  findHelp: string;
  /** Callout titles by kind, for locales other than French (the content stays French). */
  callouts: Record<string, string | undefined>;
}

export interface EnhanceOptions {
  /** Identifies what the container shows (tutorial, step, locale): the same key is not enhanced twice. */
  key: string;
  /** Level for the container's own headings: published HTML starts them at h3. */
  headingLevel: number;
  /** Address of the tutorial index: relative image sources are resolved against it. */
  base: URL;
  glossary: GlossaryEntry[];
  /** Responsive versions of the container's images made by the build (AVIF, WebP, sizes), when the chunk has them. */
  images: TutorialImage[];
  strings: EnhanceStrings;
  /** Translate callout titles (the widget is not in French). */
  translateCallouts: boolean;
  /** Prefix of the ids made here (definitions, callout titles), unique within the shadow root. */
  idPrefix: string;
  onEnlargeImage(src: string, alt: string): void;
  onStepLink(step: number): void;
  onTutorialLink(slug: string): void;
  onFindHelp(): void;
}

export function enhanceTutorialHtml(container: HTMLElement | null, options: EnhanceOptions): void {
  if (!container || container.dataset.enhanced === options.key) return;
  container.dataset.enhanced = options.key;
  shiftHeadings(container, options.headingLevel);
  enlargeableImages(container, options);
  scrollingTables(container, options);
  links(container, options);
  callouts(container, options, glossaryTerms(container, options, 0));
}

/** Headings inside a step start at h3 in the published HTML: put them under the step's own heading. */
function shiftHeadings(container: HTMLElement, headingLevel: number): void {
  for (const heading of container.querySelectorAll<HTMLElement>('h3, h4, h5, h6')) {
    const level = Math.min(6, headingLevel + Number(heading.tagName[1]) - 3);
    if (level === Number(heading.tagName[1])) continue;
    const replacement = document.createElement(`h${level}`);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
}

function enlargeableImages(container: HTMLElement, options: EnhanceOptions): void {
  for (const img of container.querySelectorAll<HTMLImageElement>('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!/^[a-z][a-z0-9+.-]*:/i.test(src)) img.src = new URL(src, options.base).href;
    const alt = img.alt;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'enlarge';
    button.setAttribute('aria-label', options.strings.enlarge(alt));
    img.replaceWith(button);
    const responsive = options.images.find((image) => image.src === src);
    const absolute = (srcset: string) =>
      srcset
        .split(', ')
        .map((candidate) => candidate.replace(/^\S+/, (url) => new URL(url, options.base).href))
        .join(', ');
    if (responsive) {
      const picture = document.createElement('picture');
      for (const source of responsive.sources) {
        const element = document.createElement('source');
        element.type = source.type;
        element.srcset = absolute(source.srcset);
        element.sizes = responsive.sizes;
        picture.append(element);
      }
      img.srcset = absolute(responsive.fallback.srcset);
      img.sizes = responsive.sizes;
      picture.append(img);
      button.append(picture);
    } else {
      button.append(img);
    }
    const large = responsive ? new URL(responsive.full, options.base).href : img.src;
    button.addEventListener('click', () => options.onEnlargeImage(large, alt));
  }
}

/** A table wider than the panel scrolls sideways in its own focusable region (keyboard arrows scroll it). */
function scrollingTables(container: HTMLElement, options: EnhanceOptions): void {
  for (const table of container.querySelectorAll<HTMLTableElement>('table')) {
    const region = document.createElement('div');
    region.className = 'table-scroll';
    region.tabIndex = 0;
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', options.strings.tableRegion);
    table.replaceWith(region);
    region.append(table);
  }
}

function links(container: HTMLElement, options: EnhanceOptions): void {
  for (const link of container.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (/^https?:/i.test(href)) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const hint = document.createElement('span');
      hint.className = 'visually-hidden';
      hint.textContent = ` (${options.strings.newWindow})`;
      link.append(hint);
    } else if (/^#etape-\d+$/.test(href)) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        options.onStepLink(Number(href.slice('#etape-'.length)));
      });
    } else if (/^[a-z0-9-]+\.md$/.test(href.replace(/^\.\//, ''))) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        options.onTutorialLink(href.replace(/^\.\//, '').replace(/\.md$/, ''));
      });
    }
  }
}

/** Glossary terms become disclosure buttons with their definition right after them. Returns the next id number. */
function glossaryTerms(container: HTMLElement, options: EnhanceOptions, n: number): number {
  for (const span of container.querySelectorAll<HTMLElement>('span.term')) {
    const entry = options.glossary.find((g) => g.id === span.dataset.term);
    if (!entry) continue;
    const id = `definition-${options.idPrefix}-${n++}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'term';
    button.textContent = span.textContent;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', id);
    const definition = document.createElement('span');
    definition.id = id;
    definition.className = 'definition';
    definition.hidden = true;
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = `${options.strings.definitionOf(entry.term)} : `;
    definition.append(label, entry.definition);
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      definition.hidden = !open;
    });
    span.replaceWith(button, definition);
  }
  return n;
}

function callouts(container: HTMLElement, options: EnhanceOptions, first: number): void {
  let n = first;
  for (const aside of container.querySelectorAll<HTMLElement>('aside.callout')) {
    const title = aside.querySelector('.callout-title');
    const kind = aside.dataset.kind ?? '';
    const translated = options.strings.callouts[kind];
    if (title && translated && options.translateCallouts) title.textContent = translated;
    aside.setAttribute('role', 'note');
    if (title) {
      title.id ||= `callout-${options.idPrefix}-${n++}`;
      aside.setAttribute('aria-labelledby', title.id);
    }
    if (kind === 'si-ca-ne-marche-pas') {
      const offer = document.createElement('button');
      offer.type = 'button';
      offer.className = 'button secondary';
      offer.textContent = options.strings.findHelp;
      offer.addEventListener('click', () => options.onFindHelp());
      aside.append(offer);
    }
  }
}
