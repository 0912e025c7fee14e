/**
 * The corpus → the static files the widget reads (see @aide/walkthrough/format): index.json, one content-hashed
 * chunk per tutorial, the search index, the images. Incremental: a tutorial whose file, images and tool version
 * have not changed is taken from the cache (.cache/tutorials) without being parsed or rendered again.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex, type SearchDocument } from '@aide/walkthrough/search';
import { LICENCE, THEMES, type TutorialChunk, type TutorialIndex, type TutorialSummary } from '@aide/walkthrough/format';
import { compileTutorial, type Compiled } from './compile.ts';
import { PRINT_CSS, printPage } from './print.ts';
import type { Diagnostic } from './lint/lint.ts';

/** Bump when the output of compile changes for the same input: invalidates every cache entry. */
const COMPILER_VERSION = '2';

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

type CompileOutput = Pick<Compiled, 'tutorial' | 'lint' | 'images' | 'text'>;

/** Below this many tutorials to compile, workers cost more than they save. */
const PARALLEL_FROM = 40;

/** Compiles files in worker threads (one per core, at most 4), in the order given. */
async function compileInWorkers(jobs: { file: string; content: string }[], knownSlugs: Set<string>): Promise<CompileOutput[]> {
  const count = Math.min(4, Math.max(1, availableParallelism()));
  const results = new Array<CompileOutput>(jobs.length);
  const workers = Array.from({ length: count }, () => new Worker(new URL('./compile-worker.mjs', import.meta.url), { workerData: { knownSlugs: [...knownSlugs] }, execArgv: [] }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              worker.postMessage({ id, ...jobs[id]! });
            };
            worker.on('message', (message: CompileOutput & { id: number; error?: string }) => {
              if (message.error) return reject(new Error(`${jobs[message.id]!.file} : ${message.error}`));
              results[message.id] = message;
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export async function buildCorpus(options: BuildOptions): Promise<BuildResult> {
  const source = resolve(options.source);
  const files = tutorialFiles(source);
  const slugs = files.map((f) => f.split('/').pop()!.replace(/\.md$/, ''));
  const knownSlugs = new Set(slugs);
  mkdirSync(options.cache, { recursive: true });
  const result: BuildResult = { built: [], reused: [], failed: [], warnings: 0, files: 0 };
  const entries: CacheEntry[] = [];

  // What the cache already holds is reused; the rest is compiled (in parallel when there is a lot of it).
  const slots: (CacheEntry | { slug: string; file: string; content: string; key: string })[] = [];
  for (const file of files) {
    const slug = file.split('/').pop()!.replace(/\.md$/, '');
    const content = readFileSync(file, 'utf8');
    const key = cacheKey(file, content, slugs);
    const cachePath = join(options.cache, `${slug}.json`);
    let cached: CacheEntry | null = null;
    if (existsSync(cachePath)) {
      try {
        const entry = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheEntry;
        if (entry.key === key) cached = entry;
      } catch {
        // A damaged cache entry is rebuilt.
      }
    }
    slots.push(cached ?? { slug, file, content, key });
  }
  const todo = slots.filter((s): s is { slug: string; file: string; content: string; key: string } => !('chunk' in s));
  const compiled =
    todo.length >= PARALLEL_FROM
      ? await compileInWorkers(todo, knownSlugs)
      : todo.map((job) => compileTutorial(job.file, { knownSlugs }, job.content));
  const compiledBySlug = new Map(todo.map((job, i) => [job.slug, { job, out: compiled[i]! }]));

  for (const slot of slots) {
    if ('chunk' in slot) {
      entries.push(slot);
      result.reused.push(slot.chunk.slug);
      result.warnings += slot.warnings;
      continue;
    }
    const { job, out } = compiledBySlug.get(slot.slug)!;
    const warnings = out.lint.diagnostics.filter((d) => d.severity === 'warning').length;
    result.warnings += warnings;
    if (!out.tutorial) {
      result.failed.push({ slug: job.slug, diagnostics: out.lint.diagnostics.filter((d) => d.severity === 'error') });
      continue;
    }
    const entry: CacheEntry = { key: job.key, chunk: out.tutorial, images: out.images, text: out.text, warnings };
    writeFileSync(join(options.cache, `${job.slug}.json`), JSON.stringify(entry));
    entries.push(entry);
    result.built.push(job.slug);
  }
  if (result.failed.length > 0) return result;

  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  /** Data the widget fetches gets a pre-compressed copy; pages opened now and then do not need one. */
  const write = (name: string, content: string, compress = true) => {
    writeFileSync(join(options.out, name), content);
    if (compress) writeFileSync(join(options.out, `${name}.gz`), gzipSync(content, { level: 9 }));
    result.files++;
  };

  const summaries: TutorialSummary[] = [];
  const documents: SearchDocument[] = [];
  for (const { chunk, images, text } of entries) {
    const body = JSON.stringify(chunk);
    const file = `${chunk.slug}.${hash(body).slice(0, 10)}.json`;
    write(file, body);
    write(`${chunk.slug}.print.html`, printPage(chunk), false);
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
  write('print.css', PRINT_CSS, false);
  const search = buildSearchIndex(documents);
  const searchFile = `search.${hash(search).slice(0, 10)}.json`;
  write(searchFile, search);
  const index: TutorialIndex = { v: 1, licence: LICENCE, themes: THEMES, search: searchFile, tutorials: summaries };
  write('index.json', JSON.stringify(index));
  return result;
}
