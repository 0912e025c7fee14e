/**
 * Image checks that need the file: format, dimensions (read from the file's header by image-size, for every
 * format), weight against the budget. Cached by path, size and modification time: a lint run reads each image once.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { imageSize } from 'image-size';
import { fold } from '@aide/core';
import type { Severity } from './lint.ts';

/** Weight budget per image: what an old phone on a slow network can take for one step. */
export const IMAGE_BUDGET_BYTES = 150 * 1024;
/** Beyond this width or height, an image is far larger than the panel or the zoom view can use. */
const IMAGE_MAX_SIDE = 3000;
const IMAGE_FORMATS = new Set(['png', 'jpg', 'webp', 'avif', 'gif', 'svg']);

export interface ImageCheck {
  format: string | null;
  width: number | null;
  height: number | null;
  bytes: number;
  problems: { severity: Severity; rule: string; message: string; fix: string }[];
}

const cache = new Map<string, { key: string; check: ImageCheck }>();
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('fr-FR')} Ko`;

export function checkImage(path: string): ImageCheck {
  const stat = statSync(path);
  const key = `${stat.size}:${stat.mtimeMs}`;
  const cached = cache.get(path);
  if (cached?.key === key) return cached.check;
  const check: ImageCheck = { format: null, width: null, height: null, bytes: stat.size, problems: [] };
  const name = basename(path);
  try {
    const size = imageSize(readFileSync(path));
    check.format = size.type === 'jpg' ? 'jpg' : (size.type ?? null);
    check.width = size.width ?? null;
    check.height = size.height ?? null;
  } catch {
    check.problems.push({ severity: 'error', rule: 'image-format', message: `L’image « ${name} » est illisible ou d’un format inconnu.`, fix: 'Enregistrez-la en PNG (capture d’écran) ou en JPEG (photo).' });
  }
  if (check.format && !IMAGE_FORMATS.has(check.format)) {
    check.problems.push({ severity: 'error', rule: 'image-format', message: `L’image « ${name} » est au format ${check.format.toUpperCase()}, que les navigateurs n’affichent pas tous.`, fix: 'Enregistrez-la en PNG (capture d’écran) ou en JPEG (photo).' });
  } else if (check.format && extname(path).slice(1).toLowerCase().replace('jpeg', 'jpg') !== check.format) {
    check.problems.push({ severity: 'warning', rule: 'image-format', message: `L’image « ${name} » est en réalité au format ${check.format.toUpperCase()}.`, fix: `Renommez-la avec l’extension .${check.format} (et changez son nom dans le texte).` });
  }
  if (check.format === 'svg' && (!check.width || !check.height)) {
    check.problems.push({ severity: 'warning', rule: 'image-size', message: `L’image « ${name} » n’a ni largeur ni hauteur.`, fix: 'Ajoutez à la balise <svg> un attribut viewBox (ou width et height) : sans eux, la page bouge quand l’image arrive.' });
  }
  if (check.width && check.height && (check.width > IMAGE_MAX_SIDE || check.height > IMAGE_MAX_SIDE) && check.format !== 'svg') {
    check.problems.push({ severity: 'warning', rule: 'image-size', message: `L’image « ${name} » mesure ${check.width} × ${check.height} pixels.`, fix: `Réduisez-la à ${IMAGE_MAX_SIDE} pixels au plus de côté (1 600 de large suffisent pour une capture d’écran).` });
  }
  if (stat.size > IMAGE_BUDGET_BYTES) {
    check.problems.push({
      severity: 'warning',
      rule: 'image-weight',
      message: `L’image « ${name} » pèse ${kb(stat.size)} : le budget est de ${kb(IMAGE_BUDGET_BYTES)} par image.`,
      fix: 'Allégez-la : 1 600 pixels de large au plus, une capture d’écran en PNG, une photo en JPEG qualité 80. Les téléphones anciens et les réseaux lents la chargeront plus vite.',
    });
  }
  cache.set(path, { key, check });
  return check;
}

/** Alternative texts that say nothing about the image: « image », « capture d’écran », a file name. */
const MEANINGLESS = new Set(
  ['image', 'images', 'img', 'photo', 'illustration', 'capture', 'capture d ecran', 'capture ecran', 'ecran', 'copie d ecran', 'screenshot', 'screen', 'picture', 'icone', 'logo',
    'schema', 'figure', 'dessin', 'visuel', 'alt', 'texte alternatif', 'description', 'ici', 'voir l image', 'image 1', 'sans titre'].map(fold),
);

export function isMeaninglessAlt(alt: string, src: string): boolean {
  const folded = fold(alt);
  if (!folded) return false;
  if (MEANINGLESS.has(folded)) return true;
  if (/\.(png|jpe?g|gif|webp|avif|svg)$/i.test(alt.trim())) return true;
  if (/^(img|image|dsc|screenshot|capture|photo|pxl|scr)[\s_-]*\d+$/i.test(folded.replace(/ /g, '_'))) return true;
  const stem = fold(basename(src).replace(/\.[a-z0-9]+$/i, ''));
  return stem.length > 0 && folded === stem;
}
