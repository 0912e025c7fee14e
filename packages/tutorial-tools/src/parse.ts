/**
 * Reads a tutorial file: YAML front matter (with positions, for messages at file:line:column) and the Markdown
 * body cut into an introduction and steps (one step per "## " heading), with marked's tokens and their offsets in
 * the file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Lexer, type Token, type Tokens } from 'marked';
import { LineCounter, parseDocument, type Document } from 'yaml';

interface Position {
  line: number;
  column: number;
}

/** Offsets → 1-based line and column. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }
  at(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/** A marked token with where its raw text starts in the file. */
export interface Located<T extends Token = Token> {
  token: T;
  offset: number;
  /** Inline or nested tokens, located too. */
  children: Located[];
}

export interface Step {
  title: string;
  heading: Located<Tokens.Heading>;
  /** Tokens of the step (after its heading), the "Me montrer" line excluded. */
  blocks: Located[];
  /** The raw Markdown of the step's content, for rendering. */
  markdown: string;
  target?: { kind: 'label' | 'selector'; value: string; offset: number };
  /** A "Me montrer" line that could not be read. */
  badTarget?: { text: string; offset: number };
}

export interface ParsedTutorial {
  file: string;
  slug: string;
  source: string;
  lines: Lines;
  /** The front matter as data (null when missing or unreadable). */
  data: Record<string, unknown> | null;
  document: Document | null;
  /** Offset of the front matter's first character (after "---\n"). */
  frontMatterOffset: number;
  frontMatterLines: LineCounter | null;
  /** Problems met while reading: missing front matter, YAML syntax. */
  problems: { offset: number; message: string; fix: string }[];
  bodyOffset: number;
  intro: Located[];
  introMarkdown: string;
  steps: Step[];
  /** Every located token of the body, depth first. */
  all: Located[];
}

const TARGET_LINE = /^Me montrer\s*:\s*(.*)$/i;

/** Nested tokens of a token (inline content, list items, quotes, table cells). */
function childrenOf(token: Token): Token[] {
  const t = token as Token & { tokens?: Token[]; items?: Token[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
  if (t.type === 'table') return [...(t.header ?? []).flatMap((c) => c.tokens), ...(t.rows ?? []).flat().flatMap((c) => c.tokens)];
  if (t.type === 'list') return t.items ?? [];
  return t.tokens ?? [];
}

/** Locates nested tokens inside their parent's raw text, in order. */
function locate(tokens: Token[], source: string, start: number, end: number): Located[] {
  const located: Located[] = [];
  let cursor = start;
  for (const token of tokens) {
    const raw = token.raw ?? '';
    let offset = raw ? source.indexOf(raw, cursor) : -1;
    if (offset < 0 || offset > end) offset = cursor;
    const children = locate(childrenOf(token), source, offset, offset + raw.length);
    located.push({ token, offset, children });
    if (offset >= cursor) cursor = offset + raw.length;
  }
  return located;
}

export function flatten(located: Located[]): Located[] {
  return located.flatMap((l) => [l, ...flatten(l.children)]);
}

/** Slug of a file: its name without ".md". */
export function slugOf(file: string): string {
  return basename(file).replace(/\.md$/i, '');
}

export function parseTutorial(file: string, source = readFileSync(file, 'utf8')): ParsedTutorial {
  const text = source.replace(/\r\n?/g, '\n');
  const lines = new Lines(text);
  const problems: ParsedTutorial['problems'] = [];
  let data: Record<string, unknown> | null = null;
  let document: Document | null = null;
  let frontMatterLines: LineCounter | null = null;
  let frontMatterOffset = 0;
  let bodyOffset = 0;

  const fm = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!fm) {
    problems.push({
      offset: 0,
      message: 'L’en-tête (front matter) manque.',
      fix: 'Commencez le fichier par une ligne « --- », les champs title, summary, theme…, puis une autre ligne « --- ».',
    });
  } else {
    frontMatterOffset = 4;
    bodyOffset = fm[0].length;
    frontMatterLines = new LineCounter();
    document = parseDocument(fm[1]!, { lineCounter: frontMatterLines, prettyErrors: false, uniqueKeys: true });
    for (const error of document.errors) {
      problems.push({
        offset: frontMatterOffset + (error.pos[0] ?? 0),
        message: `L’en-tête n’est pas du YAML valide : ${error.message.split('\n')[0]}`,
        fix: 'Vérifiez les deux-points après chaque nom de champ, l’indentation des listes (« - ») et les guillemets.',
      });
    }
    if (document.errors.length === 0) {
      const value: unknown = document.toJS();
      if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else problems.push({ offset: frontMatterOffset, message: 'L’en-tête doit être une liste de champs « nom: valeur ».', fix: 'Écrivez un champ par ligne, par exemple « title: Créer une adresse e-mail ».' });
    }
  }

  const body = text.slice(bodyOffset);
  const tokens = new Lexer({ gfm: true }).lex(body);
  const located = locate(tokens, text, bodyOffset, text.length);
  const intro: Located[] = [];
  const steps: Step[] = [];
  for (const item of located) {
    const token = item.token;
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 2) {
      steps.push({ title: (token as Tokens.Heading).text.trim(), heading: item as Located<Tokens.Heading>, blocks: [], markdown: '' });
    } else if (steps.length === 0) {
      intro.push(item);
    } else {
      steps[steps.length - 1]!.blocks.push(item);
    }
  }
  for (const step of steps) {
    const first = step.blocks.find((b) => b.token.type !== 'space');
    const match = first?.token.type === 'paragraph' ? TARGET_LINE.exec((first.token as Tokens.Paragraph).text.split('\n')[0]!) : null;
    if (first && match) {
      const value = match[1]!.trim();
      const label = /^le champ\s*[«"]\s*(.+?)\s*[»"]\s*$/i.exec(value) ?? /^[«"]\s*(.+?)\s*[»"]$/.exec(value);
      const selector = /^`(.+)`$/.exec(value);
      if (label) step.target = { kind: 'label', value: label[1]!, offset: first.offset };
      else if (selector) step.target = { kind: 'selector', value: selector[1]!.trim(), offset: first.offset };
      else step.badTarget = { text: value, offset: first.offset };
      step.blocks = step.blocks.filter((b) => b !== first);
    }
    step.markdown = step.blocks.map((b) => b.token.raw).join('');
  }
  return {
    file,
    slug: slugOf(file),
    source: text,
    lines,
    data,
    document,
    frontMatterOffset,
    frontMatterLines,
    problems,
    bodyOffset,
    intro,
    introMarkdown: intro.map((b) => b.token.raw).join(''),
    steps,
    all: flatten(located),
  };
}
