/**
 * File names of the lazily loaded chunks, relative to aide.js. Content-hashed at build time
 * (the build injects __AIDE_CHUNKS__ from Vite's manifest), so aide.js can be cached briefly and chunks forever.
 */
export interface ChunkMap {
  panel: string;
  walkthrough: string;
  locator: string;
  feedback: string;
  /** <aide-experiences>, placed by the page only (not a view of the panel). */
  experiences: string;
}

declare const __AIDE_CHUNKS__: ChunkMap;

export const chunkFiles: ChunkMap = __AIDE_CHUNKS__;
