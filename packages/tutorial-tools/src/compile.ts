/**
 * One tutorial → the chunk the walkthrough reads: HTML from marked, shaped for the widget (callouts, glossary
 * terms, table headers, image sizes), sanitised by DOMPurify with the shared policy.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { createMarkdownRenderer, type MarkdownRenderer } from '@aide/core/markdown/render';
import { fold } from '@aide/core/text';
import { LICENCE, type GlossaryEntry, type Level, type Theme, type TutorialChunk } from '@aide/walkthrough/format';
import { parseTutorial, type ParsedTutorial } from './parse.ts';
import { calloutOf, lintTutorial, type LintOptions, type LintResult } from './lint/lint.ts';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const window = dom.window as unknown as Window & typeof globalThis;
let renderer: MarkdownRenderer | undefined;
const markdown = () => (renderer ??= createMarkdownRenderer(window as never));

export const slugify = (text: string) => fold(text).replace(/ /g, '-');

/** Width and height of an SVG (viewBox or attributes) or a PNG, so images take their place before loading. */
export function imageSize(path: string): { width: number; height: number } | null {
  try {
    const data = readFileSync(path);
    if (path.endsWith('.png') && data.length > 24 && data.toString('ascii', 1, 4) === 'PNG') {
      return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
    }
    if (path.endsWith('.svg')) {
      const head = data.toString('utf8', 0, 2000);
      const w = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(head);
      const h = /<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(head);
      if (w && h) return { width: Math.round(Number(w[1])), height: Math.round(Number(h[1])) };
      const box = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(head);
      if (box) return { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) };
    }
  } catch {
    // A missing image is a lint error; the chunk simply has no size for it.
  }
  return null;
}

/** Shapes rendered HTML for the widget, then sanitises it again. */
function shape(html: string, glossary: GlossaryEntry[], baseDir: string, images: Set<string>): string {
  const container = window.document.createElement('div');
  container.innerHTML = markdown().sanitize(html);

  for (const quote of [...container.querySelectorAll('blockquote')]) {
    const first = quote.querySelector('p');
    const callout = first ? calloutOf(first.textContent ?? '') : null;
    if (!first || !callout) continue;
    // Drop the keyword and its colon from the first text node(s).
    let toRemove = (first.textContent ?? '').length - callout.rest.length;
    const walker = window.document.createTreeWalker(first, 4);
    while (toRemove > 0 && walker.nextNode()) {
      const node = walker.currentNode as Text;
      const cut = Math.min(toRemove, node.data.length);
      node.data = node.data.slice(cut);
      toRemove -= cut;
    }
    const aside = window.document.createElement('aside');
    aside.className = 'callout';
    aside.setAttribute('data-kind', callout.kind);
    const title = window.document.createElement('p');
    title.className = 'callout-title';
    title.textContent = callout.title;
    aside.append(title, ...quote.childNodes);
    if (!first.textContent?.trim()) first.remove();
    quote.replaceWith(aside);
  }

  // The first occurrence of each glossary term in the step becomes a term the widget can explain.
  for (const entry of glossary) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${entry.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    const walker = window.document.createTreeWalker(container, 4);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      if (node.parentElement?.closest('a, code, h3, h4, h5, h6, .term, .callout-title')) continue;
      const m = pattern.exec(node.data);
      if (!m) continue;
      const after = node.splitText(m.index);
      after.splitText(m[0].length);
      const span = window.document.createElement('span');
      span.className = 'term';
      span.setAttribute('data-term', entry.id);
      span.textContent = after.data;
      after.replaceWith(span);
      break;
    }
  }

  for (const th of container.querySelectorAll('thead th')) th.setAttribute('scope', 'col');
  for (const img of container.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!/^[a-z][a-z0-9+.-]*:/i.test(src)) {
      images.add(src);
      const size = imageSize(join(baseDir, src));
      if (size) {
        img.setAttribute('width', String(size.width));
        img.setAttribute('height', String(size.height));
      }
    }
    img.setAttribute('loading', 'lazy');
  }
  return markdown().sanitize(container.innerHTML);
}

export interface Compiled {
  tutorial: TutorialChunk | null;
  lint: LintResult;
  /** Relative paths of the images the tutorial uses. */
  images: string[];
  parsed: ParsedTutorial;
  /** Plain text of the steps, for the search index. */
  text: string;
}

const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/**
 * Parses, lints and renders one tutorial. `tutorial` is null when lint found errors, unless `force` (the preview
 * shows a tutorial with its errors: the output is sanitised either way).
 */
export function compileTutorial(file: string, options: LintOptions & { force?: boolean } = {}, source?: string): Compiled {
  const parsed = parseTutorial(file, source);
  const lint = lintTutorial(parsed, options);
  const images = new Set<string>();
  const text = parsed.steps.map((s) => `${s.title}. ${s.markdown}`).join('\n');
  if ((lint.diagnostics.some((d) => d.severity === 'error') && !options.force) || (!parsed.data && !options.force)) {
    return { tutorial: null, lint, images: [], parsed, text };
  }
  const data = parsed.data ?? {};
  const glossary: GlossaryEntry[] = (Array.isArray(data.glossary) ? (data.glossary as { term: string; definition: string }[]) : []).map((g) => ({
    id: slugify(g.term),
    term: g.term,
    definition: g.definition,
  }));
  const baseDir = dirname(file);
  const render = (md: string) => shape(markdown().render(md), glossary, baseDir, images);
  const tutorial: TutorialChunk = {
    v: 1,
    slug: parsed.slug,
    title: String(data.title ?? parsed.slug),
    summary: String(data.summary ?? ''),
    theme: data.theme as Theme,
    level: data.level as Level,
    duration: Number(data.duration ?? 0),
    prerequisites: list(data.prerequisites),
    procedures: list(data.procedures),
    // YAML reads an unquoted date as a Date.
    updated: data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : String(data.updated ?? ''),
    tags: list(data.tags),
    licence: LICENCE,
    introHtml: parsed.introMarkdown.trim() ? render(parsed.introMarkdown) : '',
    steps: parsed.steps.map((step, i) => ({
      id: `etape-${i + 1}`,
      title: step.title,
      html: render(step.markdown),
      ...(step.target ? { target: { kind: step.target.kind, value: step.target.value } } : {}),
    })),
    glossary,
    links: (Array.isArray(data.links) ? (data.links as { title: string; url: string }[]) : []).map((l) => ({ title: l.title, url: l.url })),
  };
  return { tutorial, lint, images: [...images], parsed, text };
}
