/**
 * Markdown → safe HTML: marked (GFM) then the shared DOMPurify policy. Raw HTML written in Markdown is never
 * passed through (the editors' lint reports it as an error).
 */
import { Marked } from 'marked';
import type { WindowLike } from 'dompurify';
import { createSanitizer } from './policy.ts';

export interface MarkdownRenderer {
  render(markdown: string): string;
  sanitize(html: string): string;
}

export function createMarkdownRenderer(window: WindowLike): MarkdownRenderer {
  const sanitize = createSanitizer(window);
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    renderer: {
      html: () => '',
    },
  });
  return {
    render: (markdown) => sanitize(marked.parse(markdown) as string),
    sanitize,
  };
}
