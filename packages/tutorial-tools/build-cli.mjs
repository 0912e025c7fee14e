// Compiles the editors' CLI to plain JavaScript (dist/cli.mjs, dist/compile-worker.mjs) with esbuild: no TypeScript
// loader at each run. The workspace's own packages (@aide/*) are bundled in; npm dependencies stay external.
// Writes dist/inputs.json (the source files and their times) for bin/aide-tutorials.mjs to know when to rebuild.
import { build } from 'esbuild';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@aide/'));
// @aide/core and @aide/walkthrough depend on these too (bundled through them): keep them external as well.
external.push('lit', 'lit/*', 'idb-keyval', 'dompurify', 'marked', 'minisearch', '@orama/stemmers');

export async function buildCli() {
  mkdirSync(join(here, 'dist'), { recursive: true });
  const result = await build({
    absWorkingDir: here,
    entryPoints: { cli: 'src/cli.ts', 'compile-worker': 'src/compile-worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    metafile: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const inputs = Object.keys(result.metafile.inputs).map((input) => join(here, input));
  inputs.push(join(here, 'package.json'), join(here, 'build-cli.mjs'));
  writeFileSync(join(here, 'dist/inputs.json'), JSON.stringify(inputs.map((file) => [relative(here, file), statSync(file).mtimeMs])));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
