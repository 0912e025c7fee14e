// Compiles the editors' CLI to plain JavaScript (dist/cli.mjs, dist/compile-worker.mjs) with esbuild: no TypeScript
// loader at each run. Everything is bundled in (resolving hundreds of small modules at each start-up costs more
// than reading one file), except what cannot be: sharp (native), jsdom (loads files of its own), tsx and esbuild.
// Writes dist/inputs.json (the source files and their times) for bin/aide-tutorials.mjs to know when to rebuild.
import { build } from 'esbuild';
import { readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const external = ['sharp', 'jsdom', 'tsx', 'tsx/*', 'esbuild'];
void pkg;

export async function buildCli() {
  rmSync(join(here, 'dist'), { recursive: true, force: true });
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
  if (process.env.AIDE_CLI_SIZES) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const top = Object.entries(output.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 6);
      console.log(file, output.bytes, top.map(([i, v]) => `${i.split('node_modules/').pop()} ${v.bytesInOutput}`).join(' | '));
    }
  }
  const inputs = Object.keys(result.metafile.inputs).map((input) => join(here, input));
  inputs.push(join(here, 'package.json'), join(here, 'build-cli.mjs'));
  writeFileSync(join(here, 'dist/inputs.json'), JSON.stringify(inputs.map((file) => [relative(here, file), statSync(file).mtimeMs])));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
