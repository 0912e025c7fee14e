/**
 * The corpus → the static files the widget reads (see @aide/walkthrough/format): index.json, one content-hashed
 * chunk per tutorial, the search index, the images and their responsive versions.
 *
 * A tutorial with an error never blocks the others: it is left out of the publication and named in the result
 * (the CLI then exits with 1). With `strict` (for CI), any error stops the whole publication instead and the
 * previous output stays as it was.
 *
 * Incremental: a tutorial whose file, images, registry and tool version have not changed is taken from the cache
 * (.cache/tutorials) without being parsed or rendered again; an image is encoded once per content
 * (.cache/tutorials/images); the output folder is updated in place (files whose name carries a content hash are
 * written once, files no longer published are removed).
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSearchIndex, type SearchDocument } from '@aide/walkthrough/search';
import { LICENCE, THEMES, type EntryImage, type TutorialChunk, type TutorialImage, type TutorialIndex, type TutorialSummary } from '@aide/walkthrough/format';
import { compileTutorial, type Compiled, type ImageRef } from './compile.ts';
import { PRINT_CSS, printPage } from './print.ts';
import { loadRegistry, REGISTRY_FILE, type Registry } from './procedures.ts';
import { describeImage, filesOf, overBudget, PIPELINE_VERSION, processImage, type ProcessedImage } from './images/pipeline.ts';
import type { Diagnostic } from './lint/lint.ts';
import { packageRoot } from './paths.ts';
import { IMAGE_BUDGET_BYTES } from './lint/images.ts';

/** Bump when the output of compile changes for the same input: invalidates every cache entry. */
const COMPILER_VERSION = '4';

export interface BuildOptions {
  /** Folder of the tutorials (*.md, images/, procedures.yml). */
  source: string;
  /** Output folder (dist/aide/tutorials). */
  out: string;
  /** Cache folder (.cache/tutorials). */
  cache: string;
  /** Any error stops the whole publication (nothing is written). */
  strict?: boolean;
}

export interface BuildResult {
  built: string[];
  reused: string[];
  /** Tutorials left out of the publication, with their errors. */
  failed: { slug: string; diagnostics: Diagnostic[] }[];
  /** Problems of the procedure registry (its faulty entries are left out). */
  registry: Diagnostic[];
  /** Problems found while making the images (weight over the budget once encoded). */
  imageWarnings: Diagnostic[];
  warnings: number;
  files: number;
  /** Whether anything was written (false when strict and something failed). */
  published: boolean;
}

interface CacheEntry {
  key: string;
  chunk: TutorialChunk;
  /** Published image files: path in the output → path in the image cache. */
  imageFiles: Record<string, string>;
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

const IMAGE_IN_MARKDOWN = /!\[[^\]]*\]\(\s*<?([^)\s>]+)|<img\b[^>]*\ssrc=["']([^"']+)/g;

/** What makes a tutorial's output: its text, the images it references, the compiler, the corpus, the registry. */
function cacheKey(file: string, content: string, slugs: string[], registryText: string): string {
  const images = [...content.matchAll(IMAGE_IN_MARKDOWN)].map((m) => (m[1] ?? m[2])!).filter((src) => !/^[a-z]+:/i.test(src));
  const h = createHash('sha256').update(COMPILER_VERSION).update(PIPELINE_VERSION).update(content).update(slugs.join(',')).update(registryText);
  for (const src of [...new Set(images)].sort()) {
    const path = join(dirname(file), safeDecode(src.split(/[?#]/)[0]!));
    h.update(src).update(existsSync(path) ? readFileSync(path) : 'missing');
  }
  return h.digest('hex');
}

const safeDecode = (s: string) => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

type CompileOutput = Pick<Compiled, 'tutorial' | 'lint' | 'images' | 'text'>;

/** Below this many tutorials to compile, workers cost more than they save. */
const PARALLEL_FROM = 40;

/** Compiles files in worker threads (one per core, at most 4), in the order given. */
async function compileInWorkers(jobs: { file: string; content: string }[], knownSlugs: Set<string>, registry: Registry): Promise<CompileOutput[]> {
  const count = Math.min(4, Math.max(1, availableParallelism()));
  const results = new Array<CompileOutput>(jobs.length);
  const workerData = { knownSlugs: [...knownSlugs], registry: { file: registry.file, procedures: registry.procedures } };
  // From the sources (tsx), the worker registers tsx itself; compiled, it is dist/compile-worker.mjs.
  const script = import.meta.url.endsWith('.ts') ? join(packageRoot, 'src/compile-worker.mjs') : join(packageRoot, 'dist/compile-worker.mjs');
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData, execArgv: [] }));
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

/** Runs `task` over `items`, `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!);
      }
    }),
  );
  return results;
}

const unescapeAttribute = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Each <img> of rendered HTML as the widget shows it: its responsive <picture> (a <source> per modern format, the
 * fallback's srcset on the <img>, whose src stays the fallback at panel size), its size, lazy and asynchronous
 * decoding, inside a button that opens it enlarged (not inside a link: a button in a link would be two controls in
 * one). A widget that does not know these shapes drops the button, picture and sources with its sanitiser and keeps
 * the plain <img> it expects.
 */
function rewriteImages(html: string, bySrc: Map<string, TutorialImage>): string {
  return html.replace(/<img\b[^>]*>/g, (tag, offset: number) => {
    const src = /\ssrc="([^"]*)"/.exec(tag)?.[1];
    const image = src === undefined ? undefined : bySrc.get(unescapeAttribute(src));
    if (!image) return tag;
    const sizes = escapeAttribute(image.sizes);
    const responsive = image.sources.length > 0;
    const img = tag
      .replace(/\s(?:width|height|decoding)="[^"]*"/g, '')
      .replace(
        /\ssrc="[^"]*"/,
        ` src="${escapeAttribute(image.src)}"${responsive ? ` srcset="${escapeAttribute(image.fallback.srcset)}" sizes="${sizes}"` : ''} width="${image.width}" height="${image.height}" decoding="async"`,
      );
    const sources = image.sources.map((source) => `<source type="${source.type}" srcset="${escapeAttribute(source.srcset)}" sizes="${sizes}">`).join('');
    const picture = responsive ? `<picture>${sources}${img}</picture>` : img;
    const inLink = html.lastIndexOf('<a ', offset) > html.lastIndexOf('</a>', offset);
    return inLink ? picture : `<button type="button" class="enlarge">${picture}</button>`;
  });
}

/** The set of images of a compiled tutorial → its chunk with image data, and the files to publish. */
async function withImages(
  out: CompileOutput & { tutorial: TutorialChunk },
  source: string,
  imageCache: string,
  warnings: Diagnostic[],
): Promise<{ chunk: TutorialChunk; imageFiles: Record<string, string> }> {
  const chunk = out.tutorial;
  const refs = out.images.filter((ref) => existsSync(join(source, safeDecode(ref.src.split(/[?#]/)[0]!))));
  const unique = [...new Map(refs.map((r) => [r.src, r])).values()];
  const processed = await pool(unique, 2, (ref) => processImage(join(source, safeDecode(ref.src.split(/[?#]/)[0]!)), ref.src, imageCache));
  const bySource = new Map<string, ProcessedImage>(processed.map((p) => [p.src, p]));
  const imageFiles: Record<string, string> = {};
  for (const image of processed) for (const file of filesOf(image)) imageFiles[file] = join(imageCache, image.hash, file.slice('images/'.length));
  const partImages = (part: number) =>
    refs
      .filter((r: ImageRef) => r.part === part)
      .map((r) => describeImage(bySource.get(r.src)!, r.alt));
  const rewrite = (html: string, images: TutorialImage[], refsOfPart: ImageRef[]) =>
    rewriteImages(html, new Map(refsOfPart.map((r, i) => [r.src, images[i]!])));
  const intro = partImages(0);
  const steps = chunk.steps.map((step, i) => {
    const images = partImages(i + 1);
    const html = rewrite(step.html, images, refs.filter((r) => r.part === i + 1));
    return { ...step, html, ...(images.length ? { images } : {}) };
  });
  for (const [i, images] of [intro, ...steps.map((s) => s.images ?? [])].entries()) {
    for (const image of images) {
      if (!overBudget(image)) continue;
      warnings.push({
        file: `${chunk.slug}.md`,
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'image-weight',
        message: `${i === 0 ? 'Dans l’introduction' : `À l’étape ${i}`}, l’image « ${image.alt.slice(0, 40)} » pèse encore ${Math.round(image.bytes / 1024)} Ko une fois allégée (budget : ${IMAGE_BUDGET_BYTES / 1024} Ko).`,
        fix: 'Recadrez la capture sur la partie utile de l’écran, ou coupez-la en deux images.',
      });
    }
  }
  return {
    chunk: { ...chunk, introHtml: rewrite(chunk.introHtml, intro, refs.filter((r) => r.part === 0)), ...(intro.length ? { introImages: intro } : {}), steps },
    imageFiles,
  };
}

export async function buildCorpus(options: BuildOptions): Promise<BuildResult> {
  const source = resolve(options.source);
  const files = tutorialFiles(source);
  const slugs = files.map((f) => f.split('/').pop()!.replace(/\.md$/, ''));
  const knownSlugs = new Set(slugs);
  const registry = loadRegistry(source);
  const registryPath = join(source, REGISTRY_FILE);
  const registryText = existsSync(registryPath) ? readFileSync(registryPath, 'utf8') : '';
  const imageCache = join(options.cache, 'images');
  mkdirSync(imageCache, { recursive: true });
  const result: BuildResult = { built: [], reused: [], failed: [], registry: registry.diagnostics, imageWarnings: [], warnings: 0, files: 0, published: false };
  const entries: CacheEntry[] = [];

  // What the cache already holds is reused; the rest is compiled (in parallel when there is a lot of it).
  const slots: (CacheEntry | { slug: string; file: string; content: string; key: string })[] = [];
  for (const file of files) {
    const slug = file.split('/').pop()!.replace(/\.md$/, '');
    const content = readFileSync(file, 'utf8');
    const key = cacheKey(file, content, slugs, registryText);
    const cachePath = join(options.cache, `${slug}.json`);
    let cached: CacheEntry | null = null;
    if (existsSync(cachePath)) {
      try {
        const entry = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheEntry;
        if (entry.key === key && Object.values(entry.imageFiles ?? {}).every((p) => existsSync(p))) cached = entry;
      } catch {
        // A damaged cache entry is rebuilt.
      }
    }
    slots.push(cached ?? { slug, file, content, key });
  }
  const todo = slots.filter((s): s is { slug: string; file: string; content: string; key: string } => !('chunk' in s));
  const compiled =
    todo.length >= PARALLEL_FROM
      ? await compileInWorkers(todo, knownSlugs, registry)
      : todo.map((job) => compileTutorial(job.file, { knownSlugs, registry }, job.content));
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
    const { chunk, imageFiles } = await withImages(out as CompileOutput & { tutorial: TutorialChunk }, source, imageCache, result.imageWarnings);
    const entry: CacheEntry = { key: job.key, chunk, imageFiles, text: out.text, warnings };
    writeFileSync(join(options.cache, `${job.slug}.json`), JSON.stringify(entry));
    entries.push(entry);
    result.built.push(job.slug);
  }
  result.warnings += result.imageWarnings.length;
  if (options.strict && (result.failed.length > 0 || result.registry.length > 0)) return result;

  mkdirSync(options.out, { recursive: true });
  const published = new Set<string>();
  /** Data the widget fetches gets a pre-compressed copy; pages opened now and then do not need one. */
  const write = (name: string, content: string, compress = true, immutable = false) => {
    const path = join(options.out, name);
    published.add(name);
    if (compress) published.add(`${name}.gz`);
    result.files++;
    // A name with a content hash in it always holds the same bytes: written once.
    if (immutable && existsSync(path) && (!compress || existsSync(`${path}.gz`))) return;
    writeFileSync(path, content);
    if (compress) writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  };

  const summaries: TutorialSummary[] = [];
  const documents: SearchDocument[] = [];
  for (const { chunk, imageFiles, text } of entries) {
    const body = JSON.stringify(chunk);
    const file = `${chunk.slug}.${hash(body).slice(0, 10)}.json`;
    write(file, body, true, true);
    write(`${chunk.slug}.print.html`, printPage(chunk), false);
    for (const [name, cached] of Object.entries(imageFiles ?? {})) {
      const to = join(options.out, name);
      published.add(name);
      if (!existsSync(to)) {
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(cached, to);
      }
    }
    const procedureSteps: Record<string, Record<string, number>> = {};
    chunk.steps.forEach((step, i) => {
      const p = step.procedureStep;
      if (p) (procedureSteps[p.procedure] ??= {})[p.step] ??= i + 1;
    });
    const entryImages: Record<string, EntryImage> = {};
    for (const step of new Set(Object.values(procedureSteps).flatMap((steps) => Object.values(steps)))) {
      const image = chunk.steps[step - 1]?.images?.[0];
      if (image) entryImages[step] = { sizes: image.sizes, sources: image.sources, fallback: image.fallback };
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
      ...(chunk.checked ? { checked: chunk.checked } : {}),
      ...(Object.keys(procedureSteps).length ? { procedureSteps } : {}),
      ...(Object.keys(entryImages).length ? { entryImages } : {}),
    });
    documents.push({ id: chunk.slug, title: chunk.title, tags: chunk.tags.join(' '), summary: chunk.summary, body: text });
  }
  write('print.css', PRINT_CSS, false);
  const search = buildSearchIndex(documents);
  const searchFile = `search.${hash(search).slice(0, 10)}.json`;
  write(searchFile, search, true, true);
  const index: TutorialIndex = { v: 1, licence: LICENCE, themes: THEMES, search: searchFile, tutorials: summaries, procedures: registry.procedures };
  write('index.json', JSON.stringify(index));
  removeUnpublished(options.out, published);
  result.published = true;
  return result;
}

/** Removes from the output what this build did not publish (a tutorial removed or left out, an old image). */
function removeUnpublished(out: string, published: Set<string>): void {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        if (readdirSync(path).length === 0) rmdirSync(path);
      } else if (!published.has(relative(out, path).split('\\').join('/'))) {
        unlinkSync(path);
      }
    }
  };
  walk(out);
}
