/**
 * What a tutorial's published HTML still needs in this page, and only that: the build (packages/tutorial-tools,
 * compile.ts and build.ts) already made the structure (responsive <picture> inside an "enlarge" button, tables in
 * their scrolling box, glossary words as buttons, external links opening a new window). Here:
 *  - sanitising again with the shared policy (the index address is configuration, and configuration can be wrong);
 *  - heading levels under the step's own heading (the element's place on the page decides them);
 *  - addresses resolved against the tutorial index (the page's address is not the index's);
 *  - the interface language's words and names (enlarge, new window, table region, definitions, callouts);
 *  - one click listener per container (delegation), calling back the element.
 * Loaded with the first tutorial, in parallel with its chunk: the catalogue never needs DOMPurify.
 */
import { sanitizeHtml } from '@aide/core/markdown';
import type { GlossaryEntry } from '../format.ts';

/** Sanitised HTML, headings put under `headingLevel`, addresses made absolute against `base` (the index). */
export function prepareHtml(html: string, base: URL, headingLevel: number): string {
  return (
    sanitizeHtml(html)
      // Published headings start at h3: h3 becomes headingLevel, and so on, never past h6.
      .replace(/<(\/?)h([3-6])(?=[\s>])/g, (_, close: string, level: string) => `<${close}h${Math.min(6, headingLevel + Number(level) - 3)}`)
      // Serialised attributes are double-quoted, with & and " escaped: each address of src and srcset is resolved.
      .replace(/ (src|srcset)="([^"]*)"/g, (_, name: string, value: string) => {
        const resolved = value.replace(/(^|, )([^\s,]+)/g, (__, separator: string, url: string) => separator + new URL(url.replace(/&amp;/g, '&'), base).href);
        return ` ${name}="${resolved.replace(/&/g, '&amp;').replace(/"/g, '%22')}"`;
      })
  );
}

export interface ContentStrings {
  newWindow: string;
  enlarge(alt: string): string;
  tableRegion: string;
  definitionOf(term: string): string;
  findHelp: string;
  /** Callout titles by kind, for locales other than French. */
  callouts: Record<string, string | undefined>;
}

export interface LocalizeOptions {
  /** Identifies what the container shows (tutorial, step, locale): the same key is not done twice. */
  key: string;
  /** Prefix of the ids made here, unique in the shadow root. */
  idPrefix: string;
  strings: ContentStrings;
  /** The interface language: callout titles are in it (the content stays French). */
  locale: string;
  glossary: GlossaryEntry[];
}

/** Interface words inside French content, with their own language (RGAA 8.7). */
const words = <K extends 'span' | 'button'>(tag: K, lang: string, properties: Partial<HTMLElementTagNameMap[K]>) =>
  Object.assign(document.createElement(tag), { lang }, properties);

/** Names and words of the interface language on what the build shaped. */
export function localize(container: HTMLElement | null, options: LocalizeOptions): void {
  if (!container || container.dataset.localized === options.key) return;
  container.dataset.localized = options.key;
  const t = options.strings;
  const hidden = (textContent: string) => words('span', options.locale, { className: 'visually-hidden', textContent });
  let n = 0;
  for (const button of container.querySelectorAll<HTMLElement>('button.enlarge')) {
    button.setAttribute('aria-label', t.enlarge(button.querySelector('img')?.alt ?? ''));
  }
  for (const link of container.querySelectorAll('a[target="_blank"]')) link.append(hidden(` (${t.newWindow})`));
  // A table published before the build made its box (or from other HTML) gets one here.
  for (const table of container.querySelectorAll('table')) {
    if (table.parentElement?.classList.contains('table-scroll')) continue;
    const box = Object.assign(document.createElement('div'), { className: 'table-scroll' });
    table.replaceWith(box);
    box.append(table);
  }
  for (const region of container.querySelectorAll<HTMLElement>('.table-scroll')) {
    // A table wider than the panel scrolls sideways in its own region: focusable, so arrows scroll it.
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', t.tableRegion);
    region.tabIndex = 0;
  }
  for (const term of container.querySelectorAll<HTMLElement>('button.term')) {
    // The build puts the id on the span around the button (older widgets read it there).
    const entry = options.glossary.find((g) => g.id === term.closest<HTMLElement>('[data-term]')?.dataset.term);
    if (!entry) continue;
    const definition = Object.assign(document.createElement('span'), { id: `${options.idPrefix}-${n++}`, className: 'definition', hidden: true });
    definition.append(hidden(`${t.definitionOf(entry.term)} : `), entry.definition);
    term.setAttribute('aria-expanded', 'false');
    term.setAttribute('aria-controls', definition.id);
    term.after(definition);
  }
  for (const aside of container.querySelectorAll<HTMLElement>('aside.callout')) {
    const title = aside.querySelector('.callout-title');
    const kind = aside.dataset.kind ?? '';
    aside.setAttribute('role', 'note');
    if (title) {
      const translated = t.callouts[kind];
      if (translated && options.locale !== 'fr') {
        // A title of the interface's language inside French content says its own language (RGAA 8.7).
        title.textContent = translated;
        title.setAttribute('lang', options.locale);
      }
      title.id ||= `${options.idPrefix}-${n++}`;
      aside.setAttribute('aria-labelledby', title.id);
    }
    if (kind === 'si-ca-ne-marche-pas') {
      aside.append(words('button', options.locale, { type: 'button', className: 'button secondary find-help', textContent: t.findHelp }));
    }
  }
}

/** What a click in the content asks of the element. */
export interface ContentActions {
  enlarge(button: HTMLButtonElement): void;
  goToStep(step: number): void;
  openTutorial(slug: string): void;
  findHelp(): void;
}

/** The one click listener of a content container: glossary words, enlarge buttons, links between steps and tutorials. */
export function handleContentClick(event: MouseEvent, actions: ContentActions): void {
  const target = (event.target as Element).closest('button, a[href]');
  if (!target) return;
  if (target.matches('button.term')) {
    const open = target.getAttribute('aria-expanded') !== 'true';
    target.setAttribute('aria-expanded', String(open));
    const definition = target.nextElementSibling;
    if (definition instanceof HTMLElement) definition.hidden = !open;
  } else if (target.matches('button.enlarge')) {
    actions.enlarge(target as HTMLButtonElement);
  } else if (target.matches('button.find-help')) {
    actions.findHelp();
  } else if (target instanceof HTMLAnchorElement) {
    const href = target.getAttribute('href') ?? '';
    const step = /^#etape-(\d+)$/.exec(href);
    const tutorial = /^(?:\.\/)?([a-z0-9-]+)\.md$/.exec(href);
    if (step || tutorial) event.preventDefault();
    if (step) actions.goToStep(Number(step[1]));
    else if (tutorial) actions.openTutorial(tutorial[1]!);
  }
}
