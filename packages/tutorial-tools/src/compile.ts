/**
 * One tutorial → the chunk the walkthrough reads: HTML from marked, shaped for the widget (callouts, glossary
 * terms, table headers, image sizes), sanitised by DOMPurify with the shared policy.
 */
import { readFileSync } from 'node:fs';
import type { MarkedExtension, Tokens } from 'marked';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { createMarkdownRenderer, type MarkdownRenderer } from '@aide/core/markdown';
import { fold } from '@aide/core';
import { LICENCE, type GlossaryEntry, type Level, type Theme, type TutorialChunk } from '@aide/walkthrough/format';
import { parseTutorial, type ParsedTutorial } from './parse.ts';
import { calloutOf, lintTutorial, type LintOptions, type LintResult } from './lint/lint.ts';

// jsdom runs no script: the rendered Markdown is shaped in its DOM, then sanitised in place.
let renderer: MarkdownRenderer | undefined;
const markdown = () => (renderer ??= createMarkdownRenderer(() => new JSDOM('<!doctype html><html><body></body></html>').window));

export const slugify = (text: string) => fold(text).replace(/ /g, '-');

/** Width and height of an SVG (viewBox or attributes) or a PNG, so images take their place before loading. */
function imageSize(path: string): { width: number; height: number } | null {
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

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * marked extensions that shape a step for the widget: callouts from "Astuce :"-style quotes, the first occurrence
 * of each glossary term marked (once per step), column headers with their scope, images with their size.
 * Made anew for each step: the glossary state is per step.
 */
function shaping(glossary: GlossaryEntry[], baseDir: string, images: Set<string>): MarkedExtension[] {
  const pending = new Map(glossary.map((g) => [g.id, new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(g.term)}(?![\\p{L}\\p{N}])`, 'iu')]));
  return [
    {
      walkTokens(token) {
        // The keyword of a callout goes: "Astuce : Gardez…" keeps only "Gardez…".
        if (token.type !== 'blockquote') return;
        const quote = token as Tokens.Blockquote;
        const callout = calloutOf(quote.text);
        const first = quote.tokens[0] as Tokens.Paragraph | undefined;
        if (!callout || first?.type !== 'paragraph') return;
        (quote as Tokens.Blockquote & { callout?: { kind: string; title: string } }).callout = callout;
        let cut = quote.text.length - callout.rest.length;
        for (const inline of first.tokens) {
          if (cut <= 0) break;
          if (inline.type !== 'text') break;
          const t = inline as Tokens.Text;
          const removed = Math.min(cut, t.text.length);
          t.text = t.text.slice(removed).replace(/^\s+/, '');
          t.raw = t.text;
          cut -= removed;
        }
      },
      renderer: {
        blockquote(token) {
          const callout = (token as Tokens.Blockquote & { callout?: { kind: string; title: string } }).callout;
          const body = this.parser.parse(token.tokens);
          return callout
            ? `<aside class="callout" data-kind="${callout.kind}"><p class="callout-title">${escapeHtml(callout.title)}</p>\n${body}</aside>\n`
            : `<blockquote>\n${body}</blockquote>\n`;
        },
        text(token) {
          if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
          let html = 'escaped' in token && token.escaped ? token.text : escapeHtml(token.text);
          for (const [id, pattern] of pending) {
            const m = pattern.exec(token.text);
            if (!m) continue;
            pending.delete(id);
            const escaped = escapeHtml(m[0]);
            html = html.replace(escaped, `<span class="term" data-term="${id}">${escaped}</span>`);
          }
          return html;
        },
        tablecell(token) {
          const content = this.parser.parseInline(token.tokens);
          const align = token.align ? ` align="${token.align}"` : '';
          return token.header ? `<th scope="col"${align}>${content}</th>\n` : `<td${align}>${content}</td>\n`;
        },
        image(token) {
          const src = token.href;
          let size = '';
          if (!/^[a-z][a-z0-9+.-]*:/i.test(src)) {
            images.add(src);
            const found = imageSize(join(baseDir, src));
            if (found) size = ` width="${found.width}" height="${found.height}"`;
          }
          return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}"${size} loading="lazy">`;
        },
      },
    },
  ];
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
  const [introHtml, ...stepsHtml] = markdown().render([parsed.introMarkdown, ...parsed.steps.map((step) => step.markdown)], () =>
    shaping(glossary, baseDir, images),
  );
  const tutorial: TutorialChunk = {
    v: 1,
    slug: parsed.slug,
    title: String((data.title as string | undefined) ?? parsed.slug),
    summary: String((data.summary as string | undefined) ?? ''),
    theme: data.theme as Theme,
    level: data.level as Level,
    duration: Number(data.duration ?? 0),
    prerequisites: list(data.prerequisites),
    procedures: list(data.procedures),
    // YAML reads an unquoted date as a Date.
    updated: data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : String((data.updated as string | undefined) ?? ''),
    tags: list(data.tags),
    licence: LICENCE,
    introHtml: parsed.introMarkdown.trim() ? introHtml! : '',
    steps: parsed.steps.map((step, i) => ({
      id: `etape-${i + 1}`,
      title: step.title,
      html: stepsHtml[i]!,
      ...(step.target ? { target: { kind: step.target.kind, value: step.target.value } } : {}),
    })),
    glossary,
    links: (Array.isArray(data.links) ? (data.links as { title: string; url: string }[]) : []).map((l) => ({ title: l.title, url: l.url })),
  };
  return { tutorial, lint, images: [...images], parsed, text };
}
