/** A worker of the corpus build: compiles the tutorials it is sent (jsdom and DOMPurify are slow: 2 cores, 2 workers). */
import { parentPort, workerData } from 'node:worker_threads';
import { compileTutorial } from './compile.ts';
import type { Procedure, Registry } from './procedures.ts';

const data = workerData as { knownSlugs: string[]; registry: { file: string; procedures: Procedure[] } };
const slugs = new Set(data.knownSlugs);
const registry: Registry = { file: data.registry.file, procedures: data.registry.procedures, byId: new Map(data.registry.procedures.map((p) => [p.id, p])), diagnostics: [] };

parentPort!.on('message', (job: { id: number; file: string; content: string }) => {
  try {
    const compiled = compileTutorial(job.file, { knownSlugs: slugs, registry }, job.content);
    parentPort!.postMessage({ id: job.id, tutorial: compiled.tutorial, lint: compiled.lint, images: compiled.images, text: compiled.text });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
