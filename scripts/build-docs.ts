/**
 * Builds the demo's documentation page assets into dist/docs/ (served at /docs/ by scripts/serve-demo.ts):
 *   docs.js               demo/docs/docs.ts bundled (Lit, @aide/core's configuration parser);
 *   custom-elements.json  the element packages' manifests merged, module paths prefixed with the package.
 * Usage: node --import tsx scripts/build-docs.ts
 */
import { build } from 'vite';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELEMENT_PACKAGES } from './manifest.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist/docs');

interface Manifest {
  schemaVersion: string;
  modules: { path: string }[];
}

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { docs: join(root, 'demo/docs/docs.ts') },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  const merged: Manifest = { schemaVersion: '1.0.0', modules: [] };
  for (const name of ELEMENT_PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'custom-elements.json'), 'utf8')) as Manifest;
    merged.modules.push(...manifest.modules.map((m) => ({ ...m, path: `@aide/${name}/${m.path}` })));
  }
  writeFileSync(join(outDir, 'custom-elements.json'), `${JSON.stringify(merged)}\n`);
  console.log(`docs: ${outDir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
