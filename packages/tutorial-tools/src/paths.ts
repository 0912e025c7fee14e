/**
 * Where things are, the same from the TypeScript sources (src/, run by tsx in tests) and from the compiled CLI
 * (dist/, whose code may sit in dist/chunks/): the package root is the nearest folder above with our package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@aide/tutorial-tools') return dir;
  }
  throw new Error('Le dossier de l’outil des tutoriels est introuvable (package.json de @aide/tutorial-tools).');
}

export const packageRoot = findPackageRoot();
export const repoRoot = join(packageRoot, '../..');
export const previewAssets = join(packageRoot, 'src/preview');
