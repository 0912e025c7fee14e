/**
 * `lint` and `lint --watch`: parse and check, no rendering (jsdom and marked are not even loaded), so that one file
 * is answered in a fraction of a second, start-up included.
 */
import { readdirSync, readFileSync, watch } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseTutorial, slugOf } from '../parse.ts';
import { loadRegistry, REGISTRY_FILE } from '../procedures.ts';
import { formatHuman, formatJson } from '../report.ts';
import { lintTutorial, type LintResult } from './lint.ts';
import { loadHtmlParser } from './html.ts';

const tutorialsIn = (source: string) =>
  readdirSync(source)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => join(source, f));

function lintOne(file: string, source: string, knownSlugs: Set<string>): LintResult {
  return lintTutorial(parseTutorial(file, readFileSync(file, 'utf8')), { knownSlugs, registry: loadRegistry(source) });
}

export async function lintFiles(options: { source: string; files: string[]; json: boolean; strict: boolean; color?: boolean }): Promise<number> {
  const all = tutorialsIn(options.source);
  const files = options.files.length ? options.files : all;
  // The HTML parser only when some file has raw HTML (it is a megabyte of code).
  if (files.some((f) => /<[a-zA-Z!/]/.test(readFileSync(f, 'utf8')))) await loadHtmlParser();
  const knownSlugs = new Set(all.map(slugOf));
  const registry = loadRegistry(options.source);
  const results = files.map((f) => lintOne(f, options.source, knownSlugs));
  // The registry's own problems are shown once, as if it were one more file.
  if (registry.diagnostics.length) results.unshift({ file: registry.file, slug: REGISTRY_FILE, diagnostics: registry.diagnostics, readability: [] });
  console.log(options.json ? formatJson(results) : formatHuman(results, options.color));
  const failing = results.some((r) => r.diagnostics.some((d) => d.severity === 'error' || (options.strict && d.severity === 'warning')));
  return failing ? 1 : 0;
}

/** Lints again each file when it is saved (and every file when the registry changes). Never returns. */
export async function watchLint(options: { source: string; files: string[]; json: boolean }): Promise<number> {
  await loadHtmlParser();
  const only = new Set(options.files.map((f) => resolve(f)));
  const run = (files: string[]) => {
    const knownSlugs = new Set(tutorialsIn(options.source).map(slugOf));
    const results = files.map((f) => {
      try {
        return lintOne(f, options.source, knownSlugs);
      } catch {
        return null; // Removed or being written: the next event brings it back.
      }
    }).filter((r): r is LintResult => r !== null);
    const time = new Date().toLocaleTimeString('fr-FR');
    console.log(options.json ? formatJson(results) : `\n— ${time} —\n${formatHuman(results, process.stdout.isTTY)}`);
  };
  run(only.size ? [...only] : tutorialsIn(options.source));
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  // Tutorials and the registry sit in the source folder itself: no recursive watch, which Node 20 sets up on Linux
  // by walking the tree after returning, so that a save right after « Surveillance » went unseen.
  watch(options.source, (_event, name) => {
    if (!name) return;
    const path = join(options.source, name.toString());
    if (basename(path) === REGISTRY_FILE) for (const f of only.size ? only : tutorialsIn(options.source)) pending.add(f);
    else if (path.endsWith('.md') && basename(path).toLowerCase() !== 'readme.md' && (!only.size || only.has(path))) pending.add(path);
    else return;
    clearTimeout(timer);
    // Editors save in several writes: wait until they are done.
    timer = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      run(files);
    }, 40);
  });
  console.log('\nSurveillance : chaque enregistrement relance la vérification (Ctrl+C pour arrêter).');
  return new Promise(() => undefined);
}
