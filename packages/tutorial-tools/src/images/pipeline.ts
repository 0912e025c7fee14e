/**
 * Images at publication, with sharp: for each raster image a tutorial shows, responsive widths in AVIF and WebP
 * and a fallback of the original family (PNG quantised to a palette, or JPEG through mozjpeg), each with its width
 * and height. The work is cached by the image's content (.cache/tutorials/images/<hash>/): an unchanged image
 * is never encoded twice, whatever tutorial shows it. SVG and GIF are published as they are.
 * File names carry the content hash: a new version of an image is a new file, never a stale one in a cache.
 */
import { createHash } from 'node:crypto';
import type SharpDefault from 'sharp';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { TutorialImage } from '@aide/walkthrough/format';
import { IMAGE_BUDGET_BYTES } from '../lint/images.ts';

/** Widths made (never wider than the original). 480: the panel on a phone; 960: the panel at 2x; 1600: the zoom. */
const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** The width the panel uses by default: the <img> of the step's HTML. */
const PANEL_WIDTH = 960;
/** The panel is at most about 30rem wide; below 40em it takes the screen's width. */
const IMAGE_SIZES = '(min-width: 40em) 30rem, calc(100vw - 2rem)';
/** Bump when the encoding settings change: every image is made again. */
export const PIPELINE_VERSION = '1';

const ENCODERS = {
  avif: { type: 'image/avif', options: { quality: 50, effort: 2 } },
  webp: { type: 'image/webp', options: { quality: 76, effort: 4 } },
  png: { type: 'image/png', options: { palette: true, quality: 90, effort: 7, compressionLevel: 9 } },
  jpeg: { type: 'image/jpeg', options: { quality: 78, mozjpeg: true } },
} as const;
type Format = keyof typeof ENCODERS;

interface ImageVariant {
  /** Path relative to the output folder: images/<name>-<width>.<hash>.<ext>. */
  file: string;
  format: Format;
  width: number;
  height: number;
  bytes: number;
}

export interface ProcessedImage {
  /** The source's path relative to the tutorials folder (as written in the Markdown). */
  src: string;
  hash: string;
  kind: 'raster' | 'as-is';
  width: number;
  height: number;
  variants: ImageVariant[];
  /** For SVG and GIF: the one published file. */
  asIs?: ImageVariant & { type: string };
}

type Sharp = typeof SharpDefault;
let sharpModule: Promise<Sharp> | undefined;
// Loaded only when an image must be made: lint and an unchanged build never pay for it.
const loadSharp = () => (sharpModule ??= import('sharp').then((m) => m.default));

const hashOf = (data: Buffer) => createHash('sha256').update(PIPELINE_VERSION).update(data).digest('hex').slice(0, 16);
const safeStem = (src: string) =>
  basename(src, extname(src))
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase() || 'image';

/**
 * Makes (or takes from the cache) the published versions of one image. `cacheDir` keeps one folder per content
 * hash with a manifest; the files are then copied or linked into the output by the build.
 */
export async function processImage(sourcePath: string, src: string, cacheDir: string): Promise<ProcessedImage> {
  const data = readFileSync(sourcePath);
  const hash = hashOf(data);
  const stem = safeStem(src);
  const folder = join(cacheDir, hash);
  const manifestPath = join(folder, `${stem}.json`);
  if (existsSync(manifestPath)) {
    try {
      const cached = JSON.parse(readFileSync(manifestPath, 'utf8')) as ProcessedImage;
      const files = cached.asIs ? [cached.asIs] : cached.variants;
      if (files.every((v) => existsSync(join(folder, basename(v.file))))) return { ...cached, src };
    } catch {
      // A damaged manifest: the image is made again.
    }
  }
  mkdirSync(folder, { recursive: true });
  // The same picture under another name (a screenshot reused by several tutorials): its files, renamed, not encoded again.
  const twin = sameContentAs(folder, stem);
  if (twin) return keep(twin.image, src, twin.stem, stem, folder, manifestPath);
  const ext = extname(sourcePath).toLowerCase();
  const short = hash.slice(0, 8);
  const sharp = await loadSharp();
  const metadata = await sharp(data, { animated: true }).metadata();
  const width = metadata.width ?? 0;
  const height = metadata.pageHeight ?? metadata.height ?? 0;
  let result: ProcessedImage;
  if (ext === '.svg' || ext === '.gif') {
    // Vector images scale by themselves; an animated GIF would lose its animation.
    const file = `${stem}.${short}${ext}`;
    writeFileSync(join(folder, file), data);
    const type = ext === '.svg' ? 'image/svg+xml' : 'image/gif';
    result = { src, hash, kind: 'as-is', width, height, variants: [], asIs: { file: `images/${file}`, format: 'png', width, height, bytes: data.length, type } };
  } else {
    const fallback: Format = metadata.format === 'jpeg' || (!metadata.hasAlpha && metadata.format !== 'png') ? 'jpeg' : 'png';
    const widths = [...new Set([...IMAGE_WIDTHS.filter((w) => w < width), Math.min(width, IMAGE_WIDTHS.at(-1)!)])].sort((a, b) => a - b);
    const variants: ImageVariant[] = [];
    for (const w of widths) {
      const resized = sharp(data).rotate().resize({ width: w, withoutEnlargement: true });
      for (const format of ['avif', 'webp', fallback] as Format[]) {
        const { data: out, info } = await resized
          .clone()
          .toFormat(format, ENCODERS[format].options)
          .toBuffer({ resolveWithObject: true });
        const file = `${stem}-${w}.${short}.${format === 'jpeg' ? 'jpg' : format}`;
        writeFileSync(join(folder, file), out);
        variants.push({ file: `images/${file}`, format, width: info.width, height: info.height, bytes: out.length });
      }
    }
    result = { src, hash, kind: 'raster', width: Math.min(width, IMAGE_WIDTHS.at(-1)!), height: Math.round((height * Math.min(width, IMAGE_WIDTHS.at(-1)!)) / Math.max(1, width)), variants };
  }
  writeManifest(manifestPath, result);
  return result;
}

function writeManifest(manifestPath: string, image: ProcessedImage): void {
  const temporary = `${manifestPath}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(image));
  renameSync(temporary, manifestPath);
}

/** Another name's complete entry in a content hash's folder, if any. */
function sameContentAs(folder: string, stem: string): { stem: string; image: ProcessedImage } | null {
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.json') || name === `${stem}.json`) continue;
    try {
      const image = JSON.parse(readFileSync(join(folder, name), 'utf8')) as ProcessedImage;
      const files = image.asIs ? [image.asIs] : image.variants;
      if (files.every((v) => existsSync(join(folder, basename(v.file))))) return { stem: name.slice(0, -'.json'.length), image };
    } catch {
      // Being written by another worker, or damaged: not a twin.
    }
  }
  return null;
}

/** A twin's files under this image's name (the names carry the stem, for readable addresses). */
function keep(twin: ProcessedImage, src: string, twinStem: string, stem: string, folder: string, manifestPath: string): ProcessedImage {
  const renamed = <T extends { file: string }>(variant: T): T => {
    const file = `${stem}${basename(variant.file).slice(twinStem.length)}`;
    if (!existsSync(join(folder, file))) copyFileSync(join(folder, basename(variant.file)), join(folder, file));
    return { ...variant, file: `images/${file}` };
  };
  const image: ProcessedImage = { ...twin, src, variants: twin.variants.map(renamed), ...(twin.asIs ? { asIs: renamed(twin.asIs) } : {}) };
  writeManifest(manifestPath, image);
  return image;
}

const TYPES: Record<Format, string> = { avif: 'image/avif', webp: 'image/webp', png: 'image/png', jpeg: 'image/jpeg' };

/** The files of a processed image, for the build to place in the output. */
export const filesOf = (image: ProcessedImage) => (image.asIs ? [image.asIs.file] : image.variants.map((v) => v.file));

/** The image's entry in the published chunk (see TutorialImage in @aide/walkthrough/format). */
export function describeImage(image: ProcessedImage, alt: string): TutorialImage {
  if (image.asIs) {
    return {
      src: image.asIs.file,
      alt,
      width: image.width,
      height: image.height,
      sizes: IMAGE_SIZES,
      sources: [],
      fallback: { type: image.asIs.type, srcset: image.asIs.file },
      full: image.asIs.file,
      bytes: image.asIs.bytes,
    };
  }
  const byFormat = (format: Format) => image.variants.filter((v) => v.format === format);
  const fallbackFormat: Format = image.variants.some((v) => v.format === 'jpeg') ? 'jpeg' : 'png';
  const fallbacks = byFormat(fallbackFormat);
  const panel = fallbacks.find((v) => v.width >= PANEL_WIDTH) ?? fallbacks.at(-1)!;
  const srcset = (list: ImageVariant[]) => list.map((v) => `${v.file} ${v.width}w`).join(', ');
  return {
    src: panel.file,
    alt,
    width: image.width,
    height: image.height,
    sizes: IMAGE_SIZES,
    sources: (['avif', 'webp'] as Format[]).map((format) => ({ type: TYPES[format], srcset: srcset(byFormat(format)) })),
    fallback: { type: TYPES[fallbackFormat], srcset: srcset(fallbacks) },
    full: fallbacks.at(-1)!.file,
    bytes: panel.bytes,
  };
}

/** Whether the version shown in the panel is over the weight budget. */
export const overBudget = (image: TutorialImage) => image.bytes > IMAGE_BUDGET_BYTES;
