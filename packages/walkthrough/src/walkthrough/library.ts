/**
 * Where the walkthrough's content comes from: the tutorial index, one chunk per tutorial (fetched once, kept for
 * the page's life, fetched again after a failure), the code that readies tutorial HTML (content.ts, with DOMPurify:
 * loaded with the first tutorial, in parallel with its chunk), and the search index with its code, loaded on the
 * first search (the panel's size budget is small).
 */
import { pageTimeout, withinTimeout } from '@aide/core';
import type { EntryImage, ImageSource, TutorialChunk, TutorialIndex, TutorialSummary } from '../format.ts';
import type { TutorialSearch } from '../search/search.ts';

import type * as content from './content.ts';

type ContentModule = typeof content;

/** Within core's timeout: a file that never answers ends in « Réessayer », never in a "Chargement…" forever. */
function getJson<T>(url: string): Promise<T> {
  const read = async () => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  return withinTimeout(read(), url, pageTimeout());
}

/** Work for later, when the browser is idle; none when the person asked their browser to save data. */
function whenIdle(work: () => void): void {
  if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return;
  const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
  idle(work, { timeout: 2000 });
}

export class TutorialLibrary {
  /** Address of index.json: chunks, images and print pages are relative to it. */
  readonly base: URL;
  private readonly chunks = new Map<string, Promise<TutorialChunk>>();
  private search: Promise<TutorialSearch> | undefined;
  private contentModule: Promise<ContentModule> | undefined;
  /** Step images being fetched ahead, by srcset. */
  private readonly images = new Map<string, HTMLImageElement>();

  constructor(src: string) {
    this.base = new URL(src, document.baseURI);
  }

  index(): Promise<TutorialIndex> {
    return getJson<TutorialIndex>(this.base.href);
  }

  private chunk(summary: TutorialSummary): Promise<TutorialChunk> {
    let chunk = this.chunks.get(summary.slug);
    if (!chunk) {
      chunk = getJson<TutorialChunk>(new URL(summary.file, this.base).href);
      this.chunks.set(summary.slug, chunk);
      chunk.catch(() => this.chunks.delete(summary.slug));
    }
    return chunk;
  }

  /**
   * A tutorial with the code that readies its HTML (fetched together; both are kept, and fetched again after a
   * failure). With `atStep`, the step it will open at: that step's first image is fetched at the same time (on slow
   * 4G, a round trip of more than half a second saved).
   */
  async open(summary: TutorialSummary, atStep?: number): Promise<[TutorialChunk, ContentModule]> {
    this.contentModule ??= import('./content.ts');
    this.contentModule.catch(() => (this.contentModule = undefined));
    const chunk = this.chunk(summary);
    if (atStep !== undefined) this.fetchImage(summary.entryImages?.[atStep]);
    return Promise.all([chunk, this.contentModule]);
  }

  /**
   * Fetches the version of an image the step's <picture> will choose: the same sources and sizes, in a <picture>
   * that is never shown; the step's image then finds it in the browser's cache, or on its way.
   */
  private fetchImage(image: EntryImage | undefined): void {
    if (!image) return;
    const key = image.fallback.srcset;
    if (this.images.has(key)) return;
    const absolute = (source: ImageSource) =>
      source.srcset
        .split(',')
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [new URL(url, this.base).href, ...descriptor].join(' ');
        })
        .join(', ');
    const picture = document.createElement('picture');
    for (const source of image.sources) {
      const element = document.createElement('source');
      element.type = source.type;
      element.sizes = image.sizes;
      element.srcset = absolute(source);
      picture.append(element);
    }
    const img = document.createElement('img');
    img.sizes = image.sizes;
    img.srcset = absolute(image.fallback);
    img.alt = '';
    picture.append(img);
    // Kept until loaded: a detached image nobody holds could be collected, and its fetch cancelled.
    this.images.set(key, img);
    const done = () => this.images.delete(key);
    img.decode().then(done, done);
  }

  /**
   * Fetches a tutorial the person is likely to open next (the one that explains the page they are on) when the
   * browser is idle, so that a tap waits for nothing: one chunk of a few KB, the content code any tutorial needs, and
   * the first image of the step it opens at. Not when the person asked their browser to save data.
   */
  prefetch(summary: TutorialSummary, atStep?: number): void {
    whenIdle(() => void this.open(summary, atStep).catch(() => undefined));
  }

  /** Fetches, when the browser is idle, the image of the step the person will likely see next (« Étape suivante »). */
  prefetchImage(image: EntryImage | undefined): void {
    if (image) whenIdle(() => this.fetchImage(image));
  }

  /** Slugs of the tutorials matching `query`, best first. Rejects when offline; the next call tries again. */
  async find(index: TutorialIndex, query: string, limit: number): Promise<string[]> {
    this.search ??= Promise.all([import('../search/search.ts'), fetch(new URL(index.search, this.base).href).then((r) => r.text())]).then(
      ([module, json]) => module.loadSearchIndex(json),
    );
    try {
      return (await this.search)(query, limit);
    } catch (error) {
      this.search = undefined;
      throw error;
    }
  }

  /** The printable page of a tutorial, next to the index. */
  printUrl(slug: string): string {
    return new URL(`${slug}.print.html`, this.base).href;
  }
}
