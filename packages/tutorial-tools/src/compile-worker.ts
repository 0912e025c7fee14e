/** A worker of the corpus build: compiles the tutorials it is sent (jsdom and DOMPurify are slow: 2 cores, 2 workers). */
import { parentPort, workerData } from 'node:worker_threads';
import { compileTutorial } from './compile.ts';

const { knownSlugs } = workerData as { knownSlugs: string[] };
const slugs = new Set(knownSlugs);

parentPort!.on('message', (job: { id: number; file: string; content: string }) => {
  try {
    const compiled = compileTutorial(job.file, { knownSlugs: slugs }, job.content);
    parentPort!.postMessage({ id: job.id, tutorial: compiled.tutorial, lint: compiled.lint, images: compiled.images, text: compiled.text });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
