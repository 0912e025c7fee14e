#!/usr/bin/env node
/**
 * aide-tutorials — the editors' tool.
 *   new "Titre du tutoriel" [--theme "démarches administratives"]   create tutorials/<slug>.md from a template
 *   lint [fichiers…] [--json]                                       check tutorials (all of tutorials/ by default)
 *   build [--out dist/aide/tutorials]                                publish: index, chunks, search index, images
 *   preview [--port 5174]                                            see tutorials as the widget shows them, live
 * Exit code: 1 when there are errors (warnings and hints never fail).
 */
import { existsSync } from 'node:fs';
import { resolve, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Theme } from '@aide/walkthrough/format';
import { compileTutorial } from './compile.ts';
import { buildCorpus, tutorialFiles } from './build.ts';
import { newTutorial } from './new.ts';
import { formatHuman, formatJson } from './report.ts';
import { slugOf } from './parse.ts';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      out: { type: 'string', default: join(root, 'dist/aide/tutorials') },
      source: { type: 'string', default: join(root, 'tutorials') },
      cache: { type: 'string', default: join(root, '.cache/tutorials') },
      theme: { type: 'string' },
      port: { type: 'string', default: '5174' },
    },
  });
  const source = resolve(values.source);
  switch (command) {
    case 'new': {
      const file = newTutorial(source, positionals.join(' ').trim(), values.theme as Theme | undefined);
      console.log(`Créé : ${file}\nÉcrivez les étapes, puis vérifiez avec : pnpm tutorials lint ${file}`);
      return 0;
    }
    case 'lint': {
      const files = positionals.length ? positionals.map((f) => resolve(f)) : tutorialFiles(source);
      const missing = files.filter((f) => !existsSync(f));
      if (missing.length) {
        console.error(`Fichier introuvable : ${missing.join(', ')}`);
        return 1;
      }
      const knownSlugs = new Set(tutorialFiles(dirname(files[0] ?? source)).map(slugOf));
      const results = files.map((f) => compileTutorial(f, { knownSlugs }).lint);
      console.log(values.json ? formatJson(results) : formatHuman(results, process.stdout.isTTY));
      return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
    }
    case 'build': {
      const started = performance.now();
      const result = await buildCorpus({ source, out: resolve(values.out), cache: resolve(values.cache) });
      if (result.failed.length) {
        console.error(formatHuman(result.failed.map((f) => ({ file: f.slug, slug: f.slug, diagnostics: f.diagnostics, readability: [] }))));
        console.error(`\nPublication arrêtée : ${result.failed.length} tutoriel(s) avec des erreurs.`);
        return 1;
      }
      console.log(
        `tutoriels : ${result.built.length + result.reused.length} publiés (${result.built.length} reconstruits, ${result.reused.length} inchangés), ` +
          `${result.warnings} avertissement(s), ${Math.round(performance.now() - started)} ms → ${values.out}`,
      );
      return 0;
    }
    case 'preview': {
      void import('./preview/server.ts').then(({ startPreview }) => startPreview({ source, port: Number(values.port), root }));
      return -1;
    }
    default:
      console.log(`Usage : aide-tutorials <new|lint|build|preview>

  new "Titre"              crée tutorials/<identifiant>.md à partir d'un modèle
  lint [fichiers] [--json] vérifie les tutoriels (tous par défaut)
  build                    publie les tutoriels dans dist/aide/tutorials
  preview                  montre les tutoriels comme dans le widget, avec leurs messages`);
      return command ? 1 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
