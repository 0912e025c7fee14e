/**
 * Reads a tutorial file: YAML front matter (with positions, for messages at file:line:column) and the Markdown
 * body as a syntax tree (remark: mdast, every node with its position), cut into an introduction and steps (one
 * step per "## " heading), with the special lines at the start of a step (« Me montrer : … », « Étape de la
 * démarche : … »).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { fold } from '@aide/core';
import { parseMarkdown } from './markdown/parser.ts';
import { yamlErrorInFrench } from './yaml-fr.ts';

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

/** A line « Étape de la démarche : [procédure /] étape » as written. */
interface ProcedureStepLine {
  /** The procedure id written before " / ", if any. */
  procedure?: string;
  /** A step id or title of the procedure. */
  step: string;
  offset: number;
}

export interface Step {
  /** Plain text of the heading (Markdown and character references resolved). */
  title: string;
  heading: Heading;
  offset: number;
  /** Nodes of the step after its heading; a paragraph made only of special lines is left out. */
  blocks: RootContent[];
  /** Where the step's content starts (after the special lines) and ends, in the file. */
  contentStart: number;
  end: number;
  /** The raw Markdown of the step's content, for rendering. */
  markdown: string;
  target?: { kind: 'label' | 'selector'; value: string; offset: number };
  /** A "Me montrer" line that could not be read. */
  badTarget?: { text: string; offset: number };
  procedureStep?: ProcedureStepLine;
  /** An « Étape de la démarche » line without a value. */
  badProcedureStep?: { offset: number };
}

export interface ParsedTutorial {
  file: string;
  slug: string;
  /** The file's text: byte-order mark removed, line endings made "\n". */
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
  tree: Root;
  intro: RootContent[];
  introMarkdown: string;
  steps: Step[];
}

export const TARGET_LINE = /^Me montrer\s*:\s*(.*)$/i;
/** « Étape de la démarche : … », accents and case aside. */
export const isProcedureStepLine = (line: string) => /^etape de la demarche$/.test(fold(line.split(':')[0] ?? '')) && line.includes(':');

/** Slug of a file: its name without ".md". */
export function slugOf(file: string): string {
  return basename(file).replace(/\.md$/i, '');
}

export const startOf = (node: { position?: { start: { offset?: number | undefined } } | undefined }) => node.position?.start.offset ?? 0;
export const endOf = (node: { position?: { end: { offset?: number | undefined } } | undefined }) => node.position?.end.offset ?? 0;

/** Reads « Étape de la démarche : demande-logement / Votre logement » (quotes around the value allowed). */
function readProcedureStep(line: string, offset: number): ProcedureStepLine | null {
  let value = line.slice(line.indexOf(':') + 1).trim();
  value = value.replace(/^[«"“]\s*/, '').replace(/\s*[»"”]$/, '').trim();
  if (!value) return null;
  const prefixed = /^([a-z0-9][a-z0-9._-]{0,63})\s+\/\s+(.+)$/.exec(value);
  return prefixed ? { procedure: prefixed[1]!, step: prefixed[2]!.trim(), offset } : { step: value, offset };
}

function readTarget(step: Step, value: string, offset: number): void {
  const label = /^le champ\s*[«"]\s*(.+?)\s*[»"]\s*$/i.exec(value) ?? /^[«"]\s*(.+?)\s*[»"]$/.exec(value);
  const selector = /^`(.+)`$/.exec(value);
  if (label) step.target = { kind: 'label', value: label[1]!, offset };
  else if (selector) step.target = { kind: 'selector', value: selector[1]!.trim(), offset };
  else step.badTarget = { text: value, offset };
}

export function parseTutorial(file: string, source = readFileSync(file, 'utf8')): ParsedTutorial {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = new Lines(text);
  const problems: ParsedTutorial['problems'] = [];
  let data: Record<string, unknown> | null = null;
  let document: Document | null = null;
  let frontMatterLines: LineCounter | null = null;
  let frontMatterOffset = 0;
  let bodyOffset = 0;

  const tree = parseMarkdown(text);
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    frontMatterOffset = text.indexOf('\n') + 1;
    bodyOffset = endOf(first);
    frontMatterLines = new LineCounter();
    document = parseDocument(first.value, { lineCounter: frontMatterLines, prettyErrors: false, uniqueKeys: true });
    // The first error is the cause; the next ones usually follow from it. An unclosed bracket or quote on a line
    // before makes the library speak of indentation: say what is really missing, where it is.
    const error = document.errors[0];
    if (error) {
      const yamlText = first.value;
      const lineStarts = [0, ...[...yamlText.matchAll(/\n/g)].map((m) => m.index + 1)];
      const errorLine = lineStarts.filter((s) => s <= (error.pos[0] ?? 0)).length - 1;
      const unclosed = lineStarts.slice(0, errorLine + 1).findIndex((start, i) => {
        const line = yamlText.slice(start, lineStarts[i + 1] ?? yamlText.length).replace(/#.*$/, '');
        const count = (c: string) => line.split(c).length - 1;
        return count('[') > count(']') || count('{') > count('}') || count('"') % 2 === 1;
      });
      if (unclosed >= 0 && error.code !== 'DUPLICATE_KEY') problems.push({ offset: frontMatterOffset + lineStarts[unclosed]!, ...yamlErrorInFrench({ code: 'MISSING_CHAR' }) });
      else problems.push({ offset: frontMatterOffset + (error.pos[0] ?? 0), ...yamlErrorInFrench(error) });
    }
    if (document.errors.length === 0) {
      const value: unknown = document.toJS();
      if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else problems.push({ offset: frontMatterOffset, message: 'L’en-tête doit être une liste de champs « nom: valeur ».', fix: 'Écrivez un champ par ligne, par exemple « title: Créer une adresse e-mail ».' });
    }
  } else if (first && (first.type as string) === 'toml') {
    bodyOffset = endOf(first);
    problems.push({
      offset: 0,
      message: 'L’en-tête est écrit en TOML (entre deux lignes « +++ », comme pour Hugo).',
      fix: 'Écrivez-le en YAML entre deux lignes « --- », ou convertissez le fichier : pnpm tutorials import <fichier>.',
    });
  } else {
    problems.push({
      offset: 0,
      message: 'L’en-tête (front matter) manque.',
      fix: 'Commencez le fichier par une ligne « --- », les champs title, summary, theme…, puis une autre ligne « --- ».',
    });
  }

  const body = tree.children.filter((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
  const intro: RootContent[] = [];
  const steps: Step[] = [];
  for (const node of body) {
    if (node.type === 'heading' && node.depth === 2) {
      steps.push({ title: toString(node).replace(/\s+/g, ' ').trim(), heading: node, offset: startOf(node), blocks: [], contentStart: endOf(node), end: text.length, markdown: '' });
    } else if (steps.length === 0) {
      intro.push(node);
    } else {
      steps[steps.length - 1]!.blocks.push(node);
    }
  }
  steps.forEach((step, i) => {
    step.end = steps[i + 1]?.offset ?? text.length;
    // The special lines: leading lines of the first paragraphs, in any order.
    while (step.blocks[0]?.type === 'paragraph') {
      const paragraph = step.blocks[0];
      let cursor = startOf(paragraph);
      const rawLines = text.slice(cursor, endOf(paragraph)).split('\n');
      let consumed = 0;
      for (const raw of rawLines) {
        const line = raw.trim();
        if (TARGET_LINE.test(line)) {
          readTarget(step, TARGET_LINE.exec(line)![1]!.trim(), cursor);
        } else if (isProcedureStepLine(line)) {
          const read = readProcedureStep(line, cursor);
          if (read) step.procedureStep = read;
          else step.badProcedureStep = { offset: cursor };
        } else break;
        consumed++;
        cursor += raw.length + 1;
      }
      if (consumed === 0) break;
      step.contentStart = Math.min(cursor, endOf(paragraph));
      if (consumed < rawLines.length) break;
      step.blocks.shift();
    }
    step.markdown = text.slice(step.contentStart, step.end).replace(/^\s*\n/, '').trimEnd() + '\n';
  });
  const introEnd = steps[0]?.offset ?? text.length;
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
    tree,
    intro,
    introMarkdown: text.slice(bodyOffset, introEnd).trim() ? text.slice(bodyOffset, introEnd).trim() + '\n' : '',
    steps,
  };
}
