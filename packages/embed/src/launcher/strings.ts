import type { Catalogues } from '@aide/core';

export interface LauncherStrings {
  label: string;
  /** Said while the panel's code arrives (slow network). */
  loading: string;
  /** Said when it could not arrive; the button is there to try again. */
  loadFailed: string;
}

export const launcherStrings: Catalogues<LauncherStrings> = {
  fr: {
    label: "Besoin d'aide ?",
    loading: 'Ouverture de l’aide…',
    loadFailed: 'L’aide n’a pas pu s’ouvrir. Vérifiez votre connexion, puis réessayez.',
  },
  en: {
    label: 'Need help?',
    loading: 'Opening help…',
    loadFailed: 'Help could not open. Check your connection, then try again.',
  },
  ar: {
    label: 'هل تحتاج إلى مساعدة؟',
    loading: 'جارٍ فتح المساعدة…',
    loadFailed: 'تعذر فتح المساعدة. تحقق من اتصالك ثم أعد المحاولة.',
  },
};
