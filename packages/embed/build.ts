/**
 * Builds the widget into dist/aide/:
 *   aide.js         the classic-script loader (IIFE), the only file a page downloads before anyone clicks;
 *   chunks/*.js     ES modules with content-hashed names: the panel and one chunk per component.
 * Two Vite builds: the chunks first (their hashed names come from Vite's manifest), then the loader with
 * those names injected, so the loader never points at a stale chunk.
 * Usage: node --import tsx packages/embed/build.ts [--out dist/aide]
 */
import { build, type Manifest } from 'vite';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { marked } from 'marked';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChunkMap } from './src/chunks.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist/aide' } } });
const outDir = resolve(root, values.out);

// Browsers of old phones still in use: Safari 14 (iOS 14), Chrome and Firefox of 2020.
const target = ['es2020', 'safari14', 'chrome87', 'firefox78', 'edge88'];

/**
 * The components' CSS is written in template literals, which the minifier keeps as they are: the comments that say
 * why a rule is there (for the people who read the code) and the indentation would be downloaded by every person.
 * Dropped here, in the style modules only (*styles.ts: CSS and comments, no string with a comment sign in it).
 */
const stripStyleComments = {
  name: 'aide-strip-style-comments',
  transform(code: string, id: string) {
    if (!/styles\.ts($|\?)/.test(id)) return null;
    // Not the /* @__PURE__ */ marks: they let the loader leave out what it does not use.
    return { code: code.replace(/\/\*[\s\S]*?\*\//g, (comment) => (comment.includes('@__PURE__') ? comment : '')).replace(/\n\s+/g, '\n'), map: null };
  },
};

/** A package's public entry point, as a file path (packages are reached through their exports only). */
const entryFile = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));

const entries: Record<keyof ChunkMap, string> = {
  panel: join(root, 'packages/embed/src/panel/index.ts'),
  walkthrough: entryFile('@aide/walkthrough/define'),
  locator: entryFile('@aide/locator/define'),
  feedback: entryFile('@aide/feedback/define'),
  experiences: entryFile('@aide/feedback/experiences'),
};

async function main() {
  // The precompressed copies of what this build writes go too (tutorials/ and places/ are other builds'): a server
  // would send the old aide.js.br, which names chunks removed here.
  const compressed = existsSync(outDir) ? readdirSync(outDir).filter((file) => /\.(br|gz)$/.test(file)) : [];
  for (const file of ['chunks', 'aide.js', 'sheet.js', '.vite', ...compressed]) rmSync(join(outDir, file), { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [stripStyleComments],
    build: {
      outDir,
      emptyOutDir: false,
      target,
      manifest: true,
      // No <link rel="modulepreload"> injected into the host page: the widget adds nothing to <head>.
      modulePreload: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: entries,
        preserveEntrySignatures: 'exports-only',
        output: {
          format: 'es',
          entryFileNames: 'chunks/[name]-[hash].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  });

  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const chunkMap = {} as ChunkMap;
  for (const [name, file] of Object.entries(entries)) {
    const key = file.slice(root.length).replace(/^\//, '');
    const entry = manifest[key];
    if (!entry) throw new Error(`Entrée ${name} absente du manifeste Vite (${key}).`);
    chunkMap[name as keyof ChunkMap] = entry.file;
  }

  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    define: { __AIDE_CHUNKS__: JSON.stringify(chunkMap) },
    plugins: [stripStyleComments],
    build: {
      outDir,
      emptyOutDir: false,
      target,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      // Not library mode: it insists on a global name for IIFE output, and the loader must add no global.
      rolldownOptions: {
        input: { aide: join(root, 'packages/embed/src/loader/loader.ts') },
        output: { format: 'iife', entryFileNames: 'aide.js' },
      },
    },
  });
  // The printable help sheet: a small page of its own next to aide.js (see packages/locator/src/sheet).
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target,
      minify: true,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { sheet: entryFile('@aide/locator/sheet') },
        output: { format: 'iife', entryFileNames: 'sheet.js' },
      },
    },
  });
  for (const file of ['sheet.html', 'sheet.css']) copyFileSync(entryFile(`@aide/locator/${file}`), join(outDir, file));
  writeStatementPage();
  rmSync(join(outDir, '.vite'), { recursive: true, force: true });
  console.log(`widget: ${outDir} (${Object.keys(chunkMap).join(', ')})`);
}

/**
 * The accessibility statement as a page of its own next to aide.js, for administrations to link from their own
 * statement and for the panel's "Accessibilité" view. Generated Markdown from our own grid: trusted content.
 */
function writeStatementPage() {
  const source = join(root, 'packages/embed/ACCESSIBILITE.md');
  if (!existsSync(source)) return;
  // Wide tables scroll on their own, reachable and named for keyboard and screen reader users (RGAA 10.11): each by
  // the heading it comes under (two regions of one name could not be told apart).
  let heading = 'Grille d’audit';
  const body = marked.parse(readFileSync(source, 'utf8'), { async: false })
    .replace(/<h([23])[^>]*>([^]*?)<\/h\1>|<table>/g, (match, _level: string, text: string | undefined) => {
      if (match !== '<table>') {
        heading = (text ?? '').replace(/<[^>]+>/g, '').replace(/"/g, '&quot;');
        return match;
      }
      return `<div class="table" role="region" aria-label="${heading}" tabindex="0"><table>`;
    })
    .replace(/<\/table>/g, '</table></div>');
  const title = /^# (.+)$/m.exec(readFileSync(source, 'utf8'))?.[1] ?? 'Déclaration d’accessibilité';
  writeFileSync(
    join(outDir, 'accessibilite.html'),
    `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="accessibilite.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`,
  );
  copyFileSync(join(root, 'packages/embed/src/accessibility/accessibilite.css'), join(outDir, 'accessibilite.css'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
