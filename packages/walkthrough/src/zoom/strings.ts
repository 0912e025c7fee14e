import type { Catalogues } from '@aide/core';

export interface ZoomStrings {
  /** The dialog's name, before the image's alternative text. */
  label: string;
  zoomIn: string;
  zoomOut: string;
  fit: string;
  close: string;
  /** What the keyboard does, shown under the image. */
  keys: string;
  /** The zoom level, e.g. "Zoom : 200 %". */
  level: (percent: number) => string;
}

const fr: ZoomStrings = {
  label: 'Image agrandie',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  fit: 'Taille de l’écran',
  close: 'Fermer l’image',
  keys: 'Au clavier : touches + et − pour zoomer, flèches pour déplacer l’image, 0 pour revenir à la taille de l’écran, Échap pour fermer. Sur un écran tactile : écartez deux doigts.',
  level: (percent) => `Zoom : ${percent} %`,
};

const en: ZoomStrings = {
  label: 'Enlarged image',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit the screen',
  close: 'Close the image',
  keys: 'With the keyboard: + and − to zoom, arrows to move the image, 0 to fit the screen again, Escape to close. On a touch screen: spread two fingers.',
  level: (percent) => `Zoom: ${percent}%`,
};

const ar: ZoomStrings = {
  label: 'صورة مكبّرة',
  zoomIn: 'تكبير',
  zoomOut: 'تصغير',
  fit: 'ملاءمة الشاشة',
  close: 'إغلاق الصورة',
  keys: 'بلوحة المفاتيح: + و − للتكبير والتصغير، والأسهم لتحريك الصورة، و0 للعودة إلى حجم الشاشة، وEscape للإغلاق. على شاشة لمس: باعد بين إصبعين.',
  level: (percent) => `التكبير: ${percent}٪`,
};

export const zoomStrings: Catalogues<ZoomStrings> = { fr, en, ar };
