/**
 * The HTML parser used by lint for raw HTML (hast-util-from-html, parse5: a megabyte of code). Loaded only when a
 * file has raw HTML, so that linting a plain tutorial starts fast; the build, the preview and the import load it
 * up front (html-parser.ts).
 */
import type { Root } from 'hast';

let parser: ((html: string) => Root) | null = null;

export function setHtmlParser(parse: (html: string) => Root): void {
  parser = parse;
}

export function htmlParser(): ((html: string) => Root) | null {
  return parser;
}

export async function loadHtmlParser(): Promise<void> {
  if (parser) return;
  const { fromHtml } = await import('hast-util-from-html');
  parser = (html) => fromHtml(html, { fragment: true });
}
