/**
 * The corpus → the static files the widget reads (see @aide/walkthrough/format): index.json, one content-hashed
 * chunk per tutorial, the search index, the images. Incremental: a tutorial whose file, images and tool version
 * have not changed is taken from the cache (.cache/tutorials) without being parsed or rendered again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex, type SearchDocument } from '@aide/walkthrough/search/search';
import { LICENCE, THEMES, type TutorialChunk, type TutorialIndex, type TutorialSummary } from '@aide/walkthrough/format';
import { compileTutorial } from './compile.ts';
import { PRINT_CSS, printPage } from './print.ts';
import type { Diagnostic } from './lint/lint.ts';

/** Bump when the output of compile changes for the same input: invalidates every cache entry. */
export const COMPILER_VERSION = '1';

export interface BuildOptions {
  /** Folder of the tutorials (*.md, images/). */
  source: string;
  /** Output folder (dist/aide/tutorials). */
  out: string;
  /** Cache folder (.cache/tutorials). */
  cache: string;
}

export interface BuildResult {
  built: string[];
  reused: string[];
  failed: { slug: string; diagnostics: Diagnostic[] }[];
  warnings: number;
  files: number;
}

interface CacheEntry {
  key: string;
  chunk: TutorialChunk;
  images: string[];
  text: string;
  warnings: number;
}

const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function tutorialFiles(source: string): string[] {
  return readdirSync(source)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => join(source, f));
}

/** What makes a tutorial's output: its text, the images it references, the compiler, the set of tutorials (links). */
function cacheKey(file: string, content: string, slugs: string[]): string {
  const images = [...content.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]!).filter((src) => !/^[a-z]+:/i.test(src));
  const h = createHash('sha256').update(COMPILER_VERSION).update(content).update(slugs.join(','));
  for (const src of images.sort()) {
    const path = join(dirname(file), src);
    h.update(src).update(existsSync(path) ? readFileSync(path) : 'missing');
  }
  return h.digest('hex');
}

export function buildCorpus(options: BuildOptions): BuildResult {
  const source = resolve(options.source);
  const files = tutorialFiles(source);
  const slugs = files.map((f) => f.split('/').pop()!.replace(/\.md$/, ''));
  const knownSlugs = new Set(slugs);
  mkdirSync(options.cache, { recursive: true });
  const result: BuildResult = { built: [], reused: [], failed: [], warnings: 0, files: 0 };
  const entries: CacheEntry[] = [];

  for (const file of files) {
    const slug = file.split('/').pop()!.replace(/\.md$/, '');
    const content = readFileSync(file, 'utf8');
    const key = cacheKey(file, content, slugs);
    const cachePath = join(options.cache, `${slug}.json`);
    if (existsSync(cachePath)) {
      try {
        const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheEntry;
        if (cached.key === key) {
          entries.push(cached);
          result.reused.push(slug);
          result.warnings += cached.warnings;
          continue;
        }
      } catch {
        // A damaged cache entry is rebuilt.
      }
    }
    const compiled = compileTutorial(file, { knownSlugs }, content);
    const warnings = compiled.lint.diagnostics.filter((d) => d.severity === 'warning').length;
    result.warnings += warnings;
    if (!compiled.tutorial) {
      result.failed.push({ slug, diagnostics: compiled.lint.diagnostics.filter((d) => d.severity === 'error') });
      continue;
    }
    const entry: CacheEntry = { key, chunk: compiled.tutorial, images: compiled.images, text: compiled.text, warnings };
    writeFileSync(cachePath, JSON.stringify(entry));
    entries.push(entry);
    result.built.push(slug);
  }
  if (result.failed.length > 0) return result;

  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  const write = (name: string, content: string) => {
    writeFileSync(join(options.out, name), content);
    writeFileSync(join(options.out, `${name}.gz`), gzipSync(content, { level: 9 }));
    result.files++;
  };

  const summaries: TutorialSummary[] = [];
  const documents: SearchDocument[] = [];
  for (const { chunk, images, text } of entries) {
    const body = JSON.stringify(chunk);
    const file = `${chunk.slug}.${hash(body).slice(0, 10)}.json`;
    write(file, body);
    write(`${chunk.slug}.print.html`, printPage(chunk));
    for (const image of images) {
      const from = join(source, image);
      const to = join(options.out, image);
      if (existsSync(from)) {
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(from, to);
      }
    }
    summaries.push({
      slug: chunk.slug,
      title: chunk.title,
      summary: chunk.summary,
      theme: chunk.theme,
      level: chunk.level,
      duration: chunk.duration,
      procedures: chunk.procedures,
      updated: chunk.updated,
      tags: chunk.tags,
      stepCount: chunk.steps.length,
      file,
    });
    documents.push({ id: chunk.slug, title: chunk.title, tags: chunk.tags.join(' '), summary: chunk.summary, body: text });
  }
  write('print.css', PRINT_CSS);
  const search = buildSearchIndex(documents);
  const searchFile = `search.${hash(search).slice(0, 10)}.json`;
  write(searchFile, search);
  const index: TutorialIndex = { v: 1, licence: LICENCE, themes: THEMES, search: searchFile, tutorials: summaries };
  write('index.json', JSON.stringify(index));
  return result;
}
