/**
 * `@aide/core/markdown`: the one Markdown → safe HTML pipeline (marked + DOMPurify), used by the tutorial build in
 * Node (with jsdom windows) and, for sanitising only, by the walkthrough in the browser.
 */
export { createMarkdownRenderer, type MarkdownRenderer } from './render.ts';
export { sanitizeHtml } from './sanitize.ts';
