/**
 * Where the walkthrough's content comes from: the tutorial index, one chunk per tutorial (fetched once, kept for
 * the page's life, fetched again after a failure), the code that readies tutorial HTML (content.ts, with DOMPurify:
 * loaded with the first tutorial, in parallel with its chunk), and the search index with its code, loaded on the
 * first search (the panel's size budget is small).
 */
import { pageTimeout, withinTimeout } from '@aide/core';
import type { TutorialChunk, TutorialIndex, TutorialSummary } from '../format.ts';
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

export class TutorialLibrary {
  /** Address of index.json: chunks, images and print pages are relative to it. */
  readonly base: URL;
  private readonly chunks = new Map<string, Promise<TutorialChunk>>();
  private search: Promise<TutorialSearch> | undefined;
  private contentModule: Promise<ContentModule> | undefined;

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

  /** A tutorial with the code that readies its HTML (fetched together; both are kept, and fetched again after a failure). */
  async open(summary: TutorialSummary): Promise<[TutorialChunk, ContentModule]> {
    this.contentModule ??= import('./content.ts');
    this.contentModule.catch(() => (this.contentModule = undefined));
    return Promise.all([this.chunk(summary), this.contentModule]);
  }

  /**
   * Fetches a tutorial the person is likely to open next (the one that explains the page they are on) when the
   * browser is idle, so that a tap waits only for its pictures: one chunk of a few KB and the content code any tutorial
   * needs. Not when the person asked their browser to save data.
   */
  prefetch(summary: TutorialSummary): void {
    if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return;
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
    idle(() => void this.open(summary).catch(() => undefined), { timeout: 2000 });
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
