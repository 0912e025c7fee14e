/**
 * Stories (issue 13): what one story costs the collector, in-process (validation, masking with @aide/masking,
 * group commit on SQLite), and what the public pages cost with many published stories.
 * Usage: node --import tsx scripts/bench-stories.ts [--stories 2000]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCollector } from '@aide/collector';

const { values } = parseArgs({ options: { stories: { type: 'string', default: '2000' } } });
const total = Number(values.stories);
const SENTENCES = [
  'Je m’appelle Jeanne Martin et j’habite 12 rue des Lilas 33000 Bordeaux.',
  'On m’a demandé trois fois la même pièce justificative, le site refusait le PDF.',
  'Appelez-moi au 06 12 34 56 78 ou écrivez à jeanne.martin@exemple.fr.',
  'Mon numéro allocataire est le 1234567 et mon IBAN FR76 3000 6000 0112 3456 7890 189.',
  'La conseillère France Services a été très patiente, merci à elle.',
  'Le 3 mars j’ai enfin reçu la réponse, 245 € par mois.',
];
const story = (i: number) => {
  let text = '';
  for (let j = i; text.length < 1900; j++) text += `${SENTENCES[j % SENTENCES.length]} `;
  return { procedure: `demarche-${i % 20}`, text: text.slice(0, 2000), feeling: 'negative', channel: 'online', consent: true, locale: 'fr' };
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const dir = mkdtempSync(join(tmpdir(), 'aide-bench-stories-'));
const app = await buildCollector({ sqlitePath: join(dir, 'stories.sqlite'), rateLimitMax: 1e9, rateLimitOtherMax: 1e9, storyRateLimitPerHour: 1e9, storyGlobalPerMinute: 1e9 });
try {
  const times: number[] = [];
  for (let i = 0; i < total; i++) {
    const started = performance.now();
    const r = await app.inject({ method: 'POST', url: '/api/v1/stories', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, payload: JSON.stringify(story(i)) });
    times.push(performance.now() - started);
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  }
  times.sort((a, b) => a - b);
  console.log(`stories: ${total} of ~2,000 characters, one at a time (validation + masking + commit on SQLite, synchronous=FULL), load ${loadavg()[0]!.toFixed(1)}`);
  console.log(`  p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
  await app.store.db.updateTable('stories').set({ status: 'published', moderated_at: new Date().toISOString() }).execute();
  const pages: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    const r = await app.inject({ url: `/api/v1/experiences?procedure=demarche-${i % 20}&page=${1 + (i % 5)}` });
    pages.push(performance.now() - started);
    if (r.statusCode !== 200) throw new Error(r.body);
  }
  pages.sort((a, b) => a - b);
  console.log(`public JSON page (20 stories + indicators) with ${total} published: p50 ${percentile(pages, 50).toFixed(1)} ms, p95 ${percentile(pages, 95).toFixed(1)} ms`);
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
