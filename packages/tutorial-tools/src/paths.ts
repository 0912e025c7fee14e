/**
 * Where things are, the same from the TypeScript sources (src/, run by tsx in tests) and from the compiled CLI
 * (dist/cli.mjs): both are one folder below the package.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = join(packageRoot, '../..');
export const previewAssets = join(packageRoot, 'src/preview');
