/**
 * Markdown → safe HTML: marked (GFM), with extensions that shape the output (callouts, glossary terms…), then the
 * shared DOMPurify policy applied in place, once for all the texts of a call. Raw HTML written in Markdown is never
 * passed through (the editors' lint reports it as an error). Used by the build, with jsdom windows (which run no
 * script).
 */
import { Marked, type MarkedExtension } from 'marked';
import type { WindowLike } from 'dompurify';
import { createSanitizer, type Sanitizer } from './policy.ts';

export interface MarkdownRenderer {
  /**
   * Renders several Markdown texts at once (the steps of a tutorial), each with a fresh copy of the extensions
   * made by `extensions()` (they may keep state per text), then sanitises them together.
   */
  render(markdown: string[], extensions?: () => MarkedExtension[]): string[];
  sanitize(html: string): string;
}

type RenderWindow = WindowLike & { document: Document; close?: () => void };

/**
 * A jsdom window slows down with use (every parsed document leaves listeners on it, never removed): after this
 * many renders the renderer takes a fresh window, which keeps a 1,000-tutorial build linear.
 */
const RENDERS_PER_WINDOW = 25;

const NO_RAW_HTML: MarkedExtension = { renderer: { html: () => '' } };

export function createMarkdownRenderer(createWindow: () => RenderWindow): MarkdownRenderer {
  const plain = new Marked({ gfm: true, breaks: false, async: false }, NO_RAW_HTML);
  let window: RenderWindow | undefined;
  let sanitize: Sanitizer | undefined;
  let renders = 0;
  const current = () => {
    if (!window || renders++ >= RENDERS_PER_WINDOW) {
      window?.close?.();
      window = createWindow();
      sanitize = createSanitizer(window);
      renders = 1;
    }
    return { document: window.document, sanitize: sanitize! };
  };
  return {
    render(markdowns, extensions) {
      const { document, sanitize } = current();
      const container = document.createElement('div');
      const parts = markdowns.map((markdown) => {
        const marked = extensions ? new Marked({ gfm: true, breaks: false, async: false }, ...extensions(), NO_RAW_HTML) : plain;
        const part = document.createElement('div');
        part.innerHTML = marked.parse(markdown) as string;
        container.append(part);
        return part;
      });
      sanitize.inPlace(container);
      return parts.map((part) => part.innerHTML);
    },
    sanitize: (html) => current().sanitize(html),
  };
}
