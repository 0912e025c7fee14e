import type { Catalogues } from '@aide/core';

export interface LauncherStrings {
  label: string;
}

export const launcherStrings: Catalogues<LauncherStrings> = {
  fr: { label: "Besoin d'aide ?" },
  en: { label: 'Need help?' },
  ar: { label: 'هل تحتاج إلى مساعدة؟' },
};
