/**
 * Precompressed copies of the built widget: `<file>.br` (Brotli, best quality) and `<file>.gz` (gzip -9) next to
 * every text asset of dist/aide (chunks, aide.js, tutorials, places data, pages), so that a server with static
 * compression (nginx gzip_static / brotli_static, Apache, sirv, most CDNs) sends them as they are, at no cost per
 * request. The demo server does (scripts/serve-demo.ts). A copy is written only when it is smaller than the file; a
 * copy already newer than its file is kept (the places data is thousands of files).
 * Usage: node --import tsx scripts/precompress.ts [--dir dist/aide]
 */
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.json', '.css', '.html', '.svg', '.xml', '.txt', '.md', '.map', '.webmanifest']);
/** Below this, a compressed answer saves less than its headers cost. */
const MIN_BYTES = 256;

export interface PrecompressReport {
  files: number;
  written: number;
  bytes: { raw: number; gzip: number; brotli: number };
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (COMPRESSIBLE.has(extname(entry.name))) yield path;
  }
}

/** Writes the .br and .gz copies of every text asset under `dir`. */
export function precompress(dir: string): PrecompressReport {
  const report: PrecompressReport = { files: 0, written: 0, bytes: { raw: 0, gzip: 0, brotli: 0 } };
  for (const path of walk(dir)) {
    const source = statSync(path);
    if (source.size < MIN_BYTES) continue;
    report.files++;
    report.bytes.raw += source.size;
    let content: Buffer | undefined;
    const variants: [string, (data: Buffer) => Buffer][] = [
      ['.br', (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })],
      ['.gz', (data) => gzipSync(data, { level: 9 })],
    ];
    for (const [suffix, compress] of variants) {
      const target = path + suffix;
      const key = suffix === '.br' ? 'brotli' : 'gzip';
      if (existsSync(target) && statSync(target).mtimeMs >= source.mtimeMs) {
        report.bytes[key] += statSync(target).size;
        continue;
      }
      content ??= readFileSync(path);
      const compressed = compress(content);
      if (compressed.length < content.length) {
        writeFileSync(target, compressed);
        report.written++;
        report.bytes[key] += compressed.length;
      } else {
        // A stale copy must not be served instead of a newer, incompressible file.
        if (existsSync(target)) unlinkSync(target);
        report.bytes[key] += content.length;
      }
    }
  }
  return report;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist/aide' } } });
  const started = performance.now();
  const report = precompress(resolve(root, values.dir));
  const kb = (n: number) => `${(n / 1000).toFixed(0)} KB`;
  console.log(
    `precompress: ${report.files} files, ${report.written} copies written in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `${kb(report.bytes.raw)} → gzip ${kb(report.bytes.gzip)}, brotli ${kb(report.bytes.brotli)}`,
  );
}
