/**
 * `import '../lint/html-parser.ts';
import <fichier ou dossier>`: converts each page (convert.ts), copies and checks its images into
 * tutorials/images/<identifiant>-<n>.<ext> (lightened with sharp when over the budget or too wide, converted when
 * the format is not for the web), links pages imported together, writes the tutorials, and says in French what
 * could not be converted, at file:line, then what lint still finds in the result.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Theme } from '@aide/walkthrough/format';
import { fold } from '@aide/core';
import { convertDocument, serialize, type ImportNote } from './convert.ts';
import { IMAGE_BUDGET_BYTES } from '../lint/images.ts';
import { imageSize } from 'image-size';
import { lintTutorial } from '../lint/lint.ts';
import { parseTutorial } from '../parse.ts';
import { loadRegistry } from '../procedures.ts';

export interface ImportOptions {
  inputs: string[];
  out: string;
  theme?: Theme | undefined;
  force?: boolean;
  json?: boolean;
  today?: Date | undefined;
}

export interface ImportedFile {
  from: string;
  to: string | null;
  slug: string;
  written: boolean;
  notes: (ImportNote & { file: string })[];
  converted: string[];
  lint: { errors: number; warnings: number };
}

const PAGE = /\.(md|markdown|mdx)$/i;
/** Tables of contents and site files, not how-to pages. */
const NOT_PAGES = new Set(['summary.md', 'readme.md', 'changelog.md', 'license.md', 'contributing.md', 'code_of_conduct.md', '_sidebar.md', '_navbar.md', '_footer.md']);
const MAX_WIDTH = 1600;
const WEB_FORMATS = new Set(['png', 'jpg', 'gif', 'webp', 'avif', 'svg']);

const slugify = (text: string) => fold(text).replace(/ /g, '-').slice(0, 80).replace(/-+$/, '');

function pagesIn(input: string): string[] {
  if (!statSync(input).isDirectory()) return [input];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (PAGE.test(name) && !NOT_PAGES.has(name.toLowerCase())) out.push(path);
    }
  };
  walk(input);
  return out;
}

/** Where an image written in a page is: relative to the page, or from the site's root (/assets/…, static/, public/). */
function findImage(page: string, url: string, roots: string[]): string | null {
  let path: string;
  try {
    path = decodeURI(url.split(/[?#]/)[0]!);
  } catch {
    path = url.split(/[?#]/)[0]!;
  }
  const candidates: string[] = [];
  if (path.startsWith('/')) {
    for (let dir = dirname(page); ; dir = dirname(dir)) {
      for (const prefix of ['', 'static', 'public', '.vuepress/public', 'docs/.vuepress/public', 'assets', 'content']) candidates.push(join(dir, prefix, path));
      if (dir === dirname(dir) || !roots.some((r) => dir.startsWith(dirname(r)))) break;
    }
  } else {
    candidates.push(resolve(dirname(page), path));
  }
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export async function importPages(options: ImportOptions): Promise<ImportedFile[]> {
  const pages = options.inputs.flatMap(pagesIn);
  const imagesDir = join(options.out, 'images');
  mkdirSync(imagesDir, { recursive: true });
  const taken = new Set(existsSync(options.out) ? readdirSync(options.out).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')) : []);
  const results: ImportedFile[] = [];
  const converted = pages.map((page) => ({ page, doc: convertDocument(page, readFileSync(page, 'utf8'), { theme: options.theme, today: options.today }) }));

  // Identifiers first, so that links between pages imported together can point at each other.
  const slugOfPage = new Map<string, string>();
  const planned = new Set<string>();
  for (const { page, doc } of converted) {
    const name = basename(page, extname(page));
    const base = /^(index|readme|_index)$/i.test(name) ? basename(dirname(page)) : name;
    let slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(base) && base.length > 3 ? base : slugify(doc.title || base) || 'tutoriel';
    for (let n = 2; planned.has(slug); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
    planned.add(slug);
    slugOfPage.set(resolve(page), slug);
  }

  for (const { page, doc } of converted) {
    const slug = slugOfPage.get(resolve(page))!;
    const shown = relative(process.cwd(), page) || page;
    const notes: ImportedFile['notes'] = doc.notes.map((n) => ({ ...n, file: shown }));
    const add = (line: number, level: ImportNote['level'], message: string, fix?: string) => notes.push({ file: shown, line, level, message, ...(fix ? { fix } : {}) });

    // Images: copied under the tutorial's name, checked, lightened when needed.
    const copies = new Map<string, string>();
    let n = 0;
    let copied = 0;
    for (const image of doc.images) {
      if (/^https?:\/\//i.test(image.url)) {
        add(image.line, 'à reprendre', `L’image « ${image.url} » est sur un autre site.`, `Téléchargez-la dans ${relative(process.cwd(), imagesDir) || imagesDir}/ et écrivez son chemin : le widget ne charge rien d’un autre site.`);
        continue;
      }
      if (/^data:/i.test(image.url)) {
        add(image.line, 'non converti', 'Une image écrite dans le texte (data:) a été retirée.', 'Enregistrez-la comme fichier PNG dans tutorials/images/ et ajoutez-la avec ![description](images/…).');
        image.node.url = '';
        continue;
      }
      const found = findImage(page, image.url, options.inputs);
      if (!found) {
        add(image.line, 'non converti', `L’image « ${image.url} » est introuvable à côté du fichier d’origine.`, 'Retrouvez-la, copiez-la dans tutorials/images/ et corrigez son chemin dans le tutoriel.');
        continue;
      }
      if (copies.has(found)) {
        image.node.url = copies.get(found)!;
        continue;
      }
      n++;
      const result = await copyImage(found, join(imagesDir, `${slug}-${n}`));
      if (!result) {
        add(image.line, 'non converti', `L’image « ${basename(found)} » est illisible.`, 'Enregistrez-la en PNG ou en JPEG, puis ajoutez-la au tutoriel.');
        n--;
        continue;
      }
      copied++;
      const url = `images/${basename(result.file)}`;
      copies.set(found, url);
      image.node.url = url;
      if (result.changed) add(image.line, 'converti', `Image « ${basename(found)} » ${result.changed}.`);
      if (result.bytes > IMAGE_BUDGET_BYTES) add(image.line, 'à reprendre', `L’image « ${basename(found)} » pèse encore ${Math.round(result.bytes / 1024)} Ko (budget : ${IMAGE_BUDGET_BYTES / 1024} Ko).`, 'Recadrez-la sur la partie utile de l’écran.');
      if (!image.node.alt?.trim()) add(image.line, 'à reprendre', `L’image « ${basename(found)} » n’a pas de texte de remplacement.`, 'Décrivez ce qu’elle montre entre les crochets : ![Écran de connexion avec le bouton « Se connecter »](…).');
    }

    // Links to other pages: to their tutorial when imported together, else their text stays without the link.
    for (const link of doc.pageLinks) {
      const target = resolve(dirname(page), decodeURI(link.target.split('#')[0]!));
      const candidates = [target, `${target}.md`, join(target, 'index.md'), join(target, 'README.md'), target.replace(/\.html?$/, '.md')];
      const other = candidates.map((c) => slugOfPage.get(c)).find(Boolean);
      if (other) {
        link.node.url = `${other}.md`;
      } else {
        add(link.line, 'à reprendre', `Le lien vers « ${link.target} » mène à une page qui n’est pas importée : il est retiré, son texte reste.`, 'Importez cette page aussi, ou mettez un lien https:// vers une page officielle.');
        Object.assign(link.node, { type: 'emphasis', children: link.node.children, url: undefined });
      }
    }

    const markdown = serialize(doc);
    const to = join(options.out, `${slug}.md`);
    const exists = existsSync(to);
    const written = !exists || Boolean(options.force);
    if (written) writeFileSync(to, markdown);
    else add(1, 'non converti', `${relative(process.cwd(), to)} existe déjà : il n’a pas été remplacé.`, 'Relancez avec --force pour le remplacer, ou renommez le fichier existant.');
    const counted = [...doc.counts].map(([what, count]) => `${count > 1 || /\(/.test(what) ? `${count} ` : ''}${what}`.replace(/^1 /, ''));
    if (copied) counted.push(`${copied} image${copied > 1 ? 's' : ''} copiée${copied > 1 ? 's' : ''}`);
    let lint = { errors: 0, warnings: 0 };
    if (written) {
      const knownSlugs = new Set([...planned, ...taken]);
      const result = lintTutorial(parseTutorial(to, markdown), { knownSlugs, registry: loadRegistry(options.out), today: options.today });
      lint = { errors: result.diagnostics.filter((d) => d.severity === 'error').length, warnings: result.diagnostics.filter((d) => d.severity === 'warning').length };
    }
    notes.sort((a, b) => a.line - b.line);
    results.push({ from: shown, to: written ? relative(process.cwd(), to) || to : null, slug, written, notes, converted: counted, lint });
  }
  return results;
}

/** Copies an image, lightened (at most 1,600 pixels wide, re-encoded) when over the budget, converted when not for the web. */
async function copyImage(from: string, toStem: string): Promise<{ file: string; bytes: number; changed: string } | null> {
  let size: { width?: number; type?: string };
  try {
    size = imageSize(readFileSync(from));
  } catch {
    return null;
  }
  const format = size.type === 'jpg' ? 'jpg' : (size.type ?? '');
  const bytes = statSync(from).size;
  if (WEB_FORMATS.has(format) && (format === 'svg' || format === 'gif' || (bytes <= IMAGE_BUDGET_BYTES && (size.width ?? 0) <= MAX_WIDTH))) {
    const file = `${toStem}.${format}`;
    copyFileSync(from, file);
    return { file, bytes, changed: '' };
  }
  const sharp = (await import('sharp')).default;
  try {
    const image = sharp(readFileSync(from)).rotate().resize({ width: MAX_WIDTH, withoutEnlargement: true });
    const meta = await sharp(readFileSync(from)).metadata();
    const png = format === 'png' || meta.hasAlpha;
    const out = png ? await image.png({ palette: true, quality: 90, compressionLevel: 9 }).toBuffer() : await image.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
    const file = `${toStem}.${png ? 'png' : 'jpg'}`;
    writeFileSync(file, out);
    const what = [
      !WEB_FORMATS.has(format) ? `convertie de ${format.toUpperCase()} en ${png ? 'PNG' : 'JPEG'}` : '',
      (size.width ?? 0) > MAX_WIDTH ? `réduite à ${MAX_WIDTH} pixels de large` : '',
      `${Math.round(bytes / 1024)} Ko → ${Math.round(out.length / 1024)} Ko`,
    ].filter(Boolean);
    return { file, bytes: out.length, changed: `allégée (${what.join(', ')})` };
  } catch {
    return null;
  }
}

export async function runImport(options: ImportOptions): Promise<number> {
  const results = await importPages(options);
  if (options.json) {
    console.log(JSON.stringify({ results }, null, 2));
    return results.some((r) => !r.written) ? 1 : 0;
  }
  if (results.length === 0) {
    console.error('Aucune page Markdown (.md, .markdown, .mdx) trouvée.\n    → Donnez un fichier .md ou un dossier qui en contient.');
    return 1;
  }
  for (const r of results) {
    console.log(`\n${r.from} → ${r.to ?? '(non écrit)'}`);
    if (r.converted.length) console.log(`  converti : ${r.converted.join(', ')}`);
    for (const note of r.notes) {
      console.log(`  ${note.file}:${note.line}  ${note.level}  ${note.message}`);
      if (note.fix) console.log(`      → ${note.fix}`);
    }
    if (r.written) {
      console.log(
        `  vérification : ${r.lint.errors} erreur(s), ${r.lint.warnings} avertissement(s)${r.lint.errors + r.lint.warnings ? ` → pnpm tutorials lint ${r.to}` : ''}`,
      );
    }
  }
  const written = results.filter((r) => r.written).length;
  console.log(`\n${written} tutoriel(s) écrit(s) sur ${results.length} page(s). Relisez-les : un tutoriel avec une erreur n’est pas publié.`);
  return written === results.length ? 0 : 1;
}

