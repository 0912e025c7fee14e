/**
 * axe's "incomplete" results ("needs review") that a person checked: the rule, the elements (a pattern on axe's
 * selector), optionally the message, and why it is fine. The harness fails on any incomplete result not listed
 * here: a new one is looked at, then fixed or recorded with its reason.
 */
export interface ReviewedIncomplete {
  rule: string;
  target: RegExp;
  message?: RegExp;
  /** What a person checked and found, in French (it goes in the audit's record). */
  reason: string;
  /** When, YYYY-MM-DD. */
  reviewed: string;
}

export const AXE_REVIEWED: ReviewedIncomplete[] = [
  {
    rule: 'color-contrast',
    target: /^aide-panel,\.button\[type="button"\] > span/,
    message: /partially overlaps other elements/,
    reason:
      'Barre réduite du panneau sur petit écran : fixée en bas, elle passe au-dessus du contenu de la page, d’où le doute ' +
      'd’axe. Son bouton a son propre fond plein (couleur d’action #000091, texte blanc : 16,5:1 ; en thème sombre ' +
      '#8585f6 et texte #161616 : 6,2:1), calculé sur les styles.',
    reviewed: '2026-12-07',
  },
  {
    rule: 'color-contrast',
    target: /^aide-panel,aide-locator,/,
    message: /overlapped by another element/,
    reason:
      'Localisateur, liste de suggestions ouverte : la liste recouvre le bouton « Rechercher », la ligne téléphonique et ' +
      'leurs textes, dont axe ne peut alors pas calculer le fond. Ces mêmes éléments passent la règle color-contrast ' +
      'd’axe dans les états sans liste (formulaire vide, résultats, erreur), en thèmes clair et sombre ; la liste ' +
      'elle-même est vérifiée dans cet état.',
    reviewed: '2026-12-07',
  },
  {
    rule: 'color-contrast',
    target: /^aide-panel,\.back$/,
    message: /partially obscured by another element/,
    reason:
      'Bouton « Retour au choix de l’aide » quand le contenu du panneau a défilé (fiche d’aide ouverte plus bas) : le ' +
      'bouton sort en partie de la zone qui défile, sous l’en-tête du panneau, d’où le doute d’axe. Il passe la règle ' +
      'color-contrast dans chaque vue où il est entièrement visible (tutoriels, localisateur, avis), en clair et en sombre.',
    reviewed: '2026-12-07',
  },
  {
    rule: 'color-contrast',
    target: /(^|,)aide-walkthrough,(th|tr|td)\b[^,]*$/,
    message: /background gradient/,
    reason:
      'Cellules d’un tableau large d’un tutoriel (zone qui défile à 320 px et à 200 %) : le fond de la zone porte les ' +
      'ombres qui montrent le côté qui reste à voir (dégradés), d’où le doute d’axe. Calculé sur les styles : au pire, ' +
      'au bord même, l’ombre noire à 30 % donne un fond #b2b2b2 ; le texte #161616 y garde 8,5:1 et un lien #000091 ' +
      '7,0:1 ; en thème sombre l’ombre assombrit un fond déjà sombre sous un texte clair : le contraste augmente. ' +
      'Hors des 0,85 rem des bords, le fond est celui du tutoriel (texte 18:1).',
    reviewed: '2026-12-07',
  },
];
