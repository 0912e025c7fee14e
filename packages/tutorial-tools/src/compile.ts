/**
 * One tutorial → the chunk the walkthrough reads: HTML from marked, shaped for the widget (callouts, glossary
 * words as buttons, tables in their scrolling box, table headers, image sizes; build.ts then puts each image in its
 * responsive <picture> inside an "enlarge" button), sanitised by DOMPurify with the shared policy (which also makes
 * links to other sites open a new window). The widget keeps for run time only what depends on its page: heading
 * levels, addresses, the interface language's words, listeners (packages/walkthrough/src/walkthrough/content.ts).
 * The shapes stay readable by older widgets: their sanitiser drops the buttons and pictures it does not know and
 * keeps their content, which is the plain HTML they expect.
 */
import './lint/html-parser.ts';
import { Lexer, Renderer, type MarkedExtension, type Tokens } from 'marked';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { createMarkdownRenderer, type MarkdownRenderer } from '@aide/core/markdown';
import { fold } from '@aide/core';
import { LICENCE, type GlossaryEntry, type Level, type Theme, type TutorialChunk } from '@aide/walkthrough/format';
import { parseTutorial, type ParsedTutorial } from './parse.ts';
import { calloutOf, lintTutorial, type LintOptions, type LintResult } from './lint/lint.ts';
import { checkImage } from './lint/images.ts';
import { findStep, loadRegistry } from './procedures.ts';

// jsdom runs no script: the rendered Markdown is shaped in its DOM, then sanitised in place.
let renderer: MarkdownRenderer | undefined;
const markdown = () => (renderer ??= createMarkdownRenderer(() => new JSDOM('<!doctype html><html><body></body></html>').window));

export const slugify = (text: string) => fold(text).replace(/ /g, '-');

/** Width and height of an image file (every format, from its header), so images take their place before loading. */
function imageSize(path: string): { width: number; height: number } | null {
  try {
    const check = checkImage(path);
    return check.width && check.height ? { width: check.width, height: check.height } : null;
  } catch {
    // A missing image is a lint error; the chunk simply has no size for it.
    return null;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * marked extensions that shape a step for the widget: callouts from "Astuce :"-style quotes, the first occurrence
 * of each glossary term made a button (once per step) inside its `span.term`, tables in a box that scrolls sideways,
 * column headers with their scope, images with their size. Made anew for each step: the glossary state is per step.
 */
function shaping(glossary: GlossaryEntry[], baseDir: string, images: ImageRef[], part: number): MarkedExtension[] {
  const pending = new Map(glossary.map((g) => [g.id, new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(g.term)}(?![\\p{L}\\p{N}])`, 'iu')]));
  return [
    {
      walkTokens(token) {
        // The keyword of a callout goes: "Astuce : Gardez…" keeps only "Gardez…" (also after a symbol or in bold:
        // "⚠️ **Attention :** Ne donnez…").
        if (token.type !== 'blockquote') return;
        const quote = token as Tokens.Blockquote;
        const first = quote.tokens[0] as Tokens.Paragraph | undefined;
        const callout = first?.type === 'paragraph' ? calloutOf(first.text) : null;
        if (!callout || !first) return;
        (quote as Tokens.Blockquote & { callout?: { kind: string; title: string } }).callout = callout;
        first.text = callout.rest;
        first.tokens = Lexer.lexInline(callout.rest, { gfm: true });
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
            html = html.replace(escaped, `<span class="term" data-term="${id}"><button type="button" class="term">${escaped}</button></span>`);
          }
          return html;
        },
        table(token) {
          // The default table, in a box that scrolls sideways in a narrow panel (the widget names it as a region).
          const table = (Renderer.prototype.table as (this: unknown, token: Tokens.Table) => string).call(this, token);
          return `<div class="table-scroll">${table.trimEnd()}</div>\n`;
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
            images.push({ part, src, alt: token.text });
            const found = imageSize(join(baseDir, src));
            if (found) size = ` width="${found.width}" height="${found.height}"`;
          }
          return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}"${size} loading="lazy">`;
        },
      },
    },
  ];
}

/** An image of the tutorial as written: in which part (0: introduction, n: step n), its path and alternative text. */
export interface ImageRef {
  part: number;
  src: string;
  alt: string;
}

export interface Compiled {
  tutorial: TutorialChunk | null;
  lint: LintResult;
  /** The images of the tutorial's own folder, in order (the build makes their responsive versions). */
  images: ImageRef[];
  parsed?: ParsedTutorial;
  /** Plain text of the steps, for the search index. */
  text: string;
}

const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
/** YAML reads an unquoted date as a Date. */
const isoDate = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/**
 * Parses, lints and renders one tutorial. `tutorial` is null when lint found errors, unless `force` (the preview
 * shows a tutorial with its errors: the output is sanitised either way).
 */
export function compileTutorial(file: string, options: LintOptions & { force?: boolean } = {}, source?: string): Compiled {
  const parsed = parseTutorial(file, source);
  const registry = options.registry ?? loadRegistry(dirname(file));
  const lint = lintTutorial(parsed, { ...options, registry });
  const images: ImageRef[] = [];
  const text = parsed.steps.map((s) => `${s.title}. ${s.markdown}`).join('\n');
  if ((lint.diagnostics.some((d) => d.severity === 'error') && !options.force) || (!parsed.data && !options.force)) {
    return { tutorial: null, lint, images, parsed, text };
  }
  const data = parsed.data ?? {};
  const glossary: GlossaryEntry[] = (Array.isArray(data.glossary) ? (data.glossary as { term: string; definition: string }[]) : []).map((g) => ({
    id: slugify(g.term),
    term: g.term,
    definition: g.definition,
  }));
  const baseDir = dirname(file);
  let part = -1;
  const [introHtml, ...stepsHtml] = markdown().render([parsed.introMarkdown, ...parsed.steps.map((step) => step.markdown)], () =>
    shaping(glossary, baseDir, images, ++part),
  );
  // « Étape de la démarche » lines → procedure and step ids (lint has checked them; a forced preview may not map).
  const declared = list(data.procedures).filter((p) => registry.byId.has(p));
  const procedureStepOf = (step: ParsedTutorial['steps'][number]) => {
    const line = step.procedureStep;
    const procedure = line ? registry.byId.get(line.procedure ?? (declared.length === 1 ? declared[0]! : '')) : undefined;
    const found = procedure && line ? findStep(procedure, line.step) : null;
    return procedure && found ? { procedureStep: { procedure: procedure.id, step: found.step.id } } : {};
  };
  const sources = Array.isArray(data.sources) ? (data.sources as { title: string; url: string }[]).map((s) => ({ title: String(s.title), url: String(s.url) })) : [];
  const tutorial: TutorialChunk = {
    v: 1,
    slug: parsed.slug,
    title: typeof data.title === 'string' ? data.title : parsed.slug,
    summary: typeof data.summary === 'string' ? data.summary : '',
    theme: data.theme as Theme,
    level: data.level as Level,
    duration: Number(data.duration ?? 0),
    prerequisites: list(data.prerequisites),
    procedures: list(data.procedures),
    updated: isoDate(data.updated),
    ...(data.checked !== undefined ? { checked: isoDate(data.checked) } : {}),
    ...(sources.length ? { sources } : {}),
    tags: list(data.tags),
    licence: LICENCE,
    introHtml: parsed.introMarkdown.trim() ? introHtml! : '',
    steps: parsed.steps.map((step, i) => ({
      id: `etape-${i + 1}`,
      title: step.title,
      html: stepsHtml[i]!,
      ...(step.target ? { target: { kind: step.target.kind, value: step.target.value } } : {}),
      ...procedureStepOf(step),
    })),
    glossary,
    links: (Array.isArray(data.links) ? (data.links as { title: string; url: string }[]) : []).map((l) => ({ title: l.title, url: l.url })),
  };
  return { tutorial, lint, images, parsed, text };
}
