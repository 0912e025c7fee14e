// The locator's catalogue: French here, always loaded; English (strings-en.ts) and Arabic (strings-ar.ts) in files of
// their own, with the same keys, loaded only on pages in those languages (most people read French: they should not
// download the others with the component).
import { type Locale, formatNumber, plural } from '@aide/core';

export interface LocatorStrings {
  title: string;
  intro: string;
  fieldLabel: string;
  fieldHint: string;
  search: string;
  useMyPosition: string;
  searching: string;
  suggestionsCount: (n: number) => string;
  suggestionsNone: string;
  /** Name of the list of suggestions (not the field's: two things with one name are hard to tell apart). */
  suggestionsLabel: string;
  errors: {
    empty: string;
    'postcode-too-short': string;
    'postcode-too-long': string;
    'too-long': string;
    'no-letters': string;
    'postcode-unknown': (code: string) => string;
    'commune-unknown': (text: string) => string;
    'no-position-known': string;
    'geo-denied': string;
    'geo-unavailable': string;
    'geo-unsupported': string;
    /** `reason`: why, in core's words (no answer in time, no connection…), with what to do. */
    'data-failed': (reason: string) => string;
  };
  errorPrefix: string;
  retry: string;
  resultsNear: (n: number, where: string) => string;
  nearYourPosition: string;
  otherCommunesPostcode: (code: string) => string;
  otherCommunesNamed: (name: string) => string;
  nothingWithin30: string;
  nothingAtAll: string;
  /** « Ouvert maintenant » and no place open near there. */
  noneOpenNow: (where: string) => string;
  /** Other filters and no place matching them. */
  nothingMatchesFilters: string;
  nextOpenings: string;
  opensTodayAt: (time: string) => string;
  opensTomorrowAt: (day: string, time: string) => string;
  opensOnAt: (day: string, time: string) => string;
  showAllPlaces: string;
  timeRange: (from: string, to: string) => string;
  rangeSeparator: string;
  /** The language's punctuation between parts of a sentence and the items of a list, and before what a label names. */
  comma: string;
  listSeparator: string;
  colon: string;
  daysRange: (from: string, to: string) => string;
  phoneLineWeek: (summary: string) => string;
  distance: (km: number, locale: Locale) => string;
  approximate: string;
  hoursOpen: (closesAt: string) => string;
  hoursOpenAllDay: string;
  hoursClosesSoon: (closesAt: string) => string;
  hoursClosedOpensToday: (time: string) => string;
  hoursClosedOpensTomorrow: (time: string) => string;
  hoursClosedOpensOn: (day: string, time: string) => string;
  hoursClosed: string;
  hoursUnknown: string;
  closedOnHolidays: string;
  weekHours: string;
  day: string;
  hoursColumn: string;
  closedDay: string;
  phone: string;
  phoneOf: (name: string) => string;
  website: string;
  websiteOf: (name: string) => string;
  appointment: string;
  appointmentOf: (name: string) => string;
  accessibilitySheet: string;
  accessibilitySheetOf: (name: string) => string;
  directions: string;
  directionsOf: (name: string) => string;
  services: string;
  wheelchair: string;
  mobile: string;
  updated: (date: string) => string;
  addToSheet: string;
  showMore: string;
  filters: string;
  /** The disclosure of the filters beyond the three most used. */
  moreFilters: string;
  filtersActive: (n: number) => string;
  filterOpenNow: string;
  filterFree: string;
  filterWheelchair: string;
  filterServices: string;
  filterSupportKinds: string;
  filterPublics: string;
  filterSpecificSupport: string;
  newWindow: string;
  filterLabels: string;
  clearFilters: string;
  resultsUpdated: (n: number) => string;
  phoneLineTitle: string;
  phoneLineCall: (display: string) => string;
  phoneLineOpen: (until: string) => string;
  phoneLineReopensToday: (time: string) => string;
  phoneLineReopensTomorrow: (time: string) => string;
  phoneLineReopensOn: (day: string, time: string) => string;
  phoneLineClosed: string;
  sheetTitle: string;
  sheetIntro: string;
  sheetButton: string;
  sheetPrint: string;
  sheetLabels: { print: string; places: string; near: string };
  sheetTutorial: (title: string, step: number, total: number, stepTitle: string) => string;
  sheetEmpty: string;
  sources: string;
  sourcesIntro: string;
  franceServicesFirst: string;
  /**
   * The national standard's values in this language, keyed by the value. None in French: the data's vocabularies
   * carry the French plain words (`plainFr`), where the standard's are not plain.
   */
  vocabulary?: Record<string, string>;
}

const time = (locale: Locale) => (minutes: number) => {
  if (minutes === 1440) minutes = 0;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'fr') return m === 0 ? (h === 0 ? 'minuit' : `${h} h`) : `${h} h ${String(m).padStart(2, '0')}`;
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 5, h, m)),
  );
};
export const formatTime = (locale: Locale, minutes: number) => time(locale)(minutes);

/** French, the default: the component is drawn with it at once. */
export const locatorFr: LocatorStrings = {
  title: 'Trouver une aide près de chez moi',
  intro: 'Des lieux où une personne peut vous aider à faire vos démarches en ligne : France services, conseillers numériques, associations.',
  fieldLabel: 'Code postal ou commune',
  fieldHint: 'Par exemple : 75011 ou Saint-Étienne',
  search: 'Rechercher',
  useMyPosition: 'Utiliser ma position',
  searching: 'Recherche en cours…',
  suggestionsCount: (n) => plural('fr', n, { one: '{n} commune proposée. Flèches haut et bas pour choisir.', other: '{n} communes proposées. Flèches haut et bas pour choisir.' }),
  suggestionsNone: 'Aucune commune ne commence ainsi.',
  suggestionsLabel: 'Communes proposées',
  errors: {
    empty: 'Tapez un code postal ou le nom d’une commune.',
    'postcode-too-short': 'Un code postal a 5 chiffres, par exemple 75011.',
    'postcode-too-long': 'Un code postal a 5 chiffres, par exemple 75011.',
    'too-long': 'Ce texte est trop long. Tapez seulement un code postal ou le nom d’une commune.',
    'no-letters': 'Tapez un code postal (5 chiffres) ou le nom d’une commune (en lettres).',
    'postcode-unknown': (code) => `Le code postal ${code} n’existe pas. Vérifiez les chiffres, ou tapez le nom de la commune.`,
    'commune-unknown': (text) => `Nous ne trouvons pas de commune « ${text} ». Vérifiez l’orthographe, ou tapez le code postal.`,
    'no-position-known': 'Nous ne connaissons pas la position de cette commune. Appelez la ligne d’aide ci-dessous.',
    'geo-denied': 'Vous n’avez pas autorisé l’accès à votre position. Tapez plutôt un code postal ou une commune.',
    'geo-unavailable': 'Votre position n’a pas pu être trouvée. Tapez plutôt un code postal ou une commune.',
    'geo-unsupported': 'Votre navigateur ne peut pas donner votre position. Tapez plutôt un code postal ou une commune.',
    'data-failed': (reason) => `La liste des lieux n’a pas pu être chargée. ${reason} Vous pouvez aussi appeler la ligne d’aide.`,
  },
  errorPrefix: 'Erreur : ',
  retry: 'Réessayer',
  resultsNear: (n, where) => plural('fr', n, { one: `{n} lieu près de ${where}`, other: `{n} lieux près de ${where}` }),
  nearYourPosition: 'votre position',
  otherCommunesPostcode: (code) => `Autres communes avec le code postal ${code} :`,
  otherCommunesNamed: (name) => `Autres communes nommées ${name} :`,
  nothingWithin30: 'Aucun lieu d’aide à moins de 30 km. Le plus simple : appelez la ligne d’aide gratuite.',
  nothingAtAll: 'Aucun lieu d’aide connu dans cette zone. Appelez la ligne d’aide gratuite.',
  noneOpenNow: (where) => `Aucun lieu d’aide n’est ouvert en ce moment près de ${where}`,
  nothingMatchesFilters: 'Aucun lieu proche ne correspond à ces filtres. Retirez-en un, ou appelez la ligne d’aide gratuite.',
  nextOpenings: 'Les lieux les plus proches ouvrent :',
  opensTodayAt: (t) => `aujourd’hui à ${t}`,
  opensTomorrowAt: (d, t) => `demain (${d}) à ${t}`,
  opensOnAt: (d, t) => `${d} à ${t}`,
  showAllPlaces: 'Voir tous les lieux, ouverts ou fermés',
  timeRange: (a, b) => `de ${a} à ${b}`,
  rangeSeparator: ' et ',
  comma: ', ',
  listSeparator: ' ; ',
  colon: ' : ',
  daysRange: (a, b) => `du ${a} au ${b}`,
  phoneLineWeek: (s) => `Horaires : ${s}.`,
  distance: (km) => `à ${km < 1 ? `${Math.round(km * 1000)} m` : `${formatNumber('fr', km, { maximumFractionDigits: 1 })} km`}`,
  approximate: 'position approximative : centre de la commune',
  hoursOpen: (t) => `Ouvert, ferme à ${t}`,
  hoursOpenAllDay: 'Ouvert 24 h sur 24',
  hoursClosesSoon: (t) => `Ouvert, ferme bientôt (à ${t})`,
  hoursClosedOpensToday: (t) => `Fermé, ouvre à ${t}`,
  hoursClosedOpensTomorrow: (t) => `Fermé, ouvre demain à ${t}`,
  hoursClosedOpensOn: (d, t) => `Fermé, ouvre ${d} à ${t}`,
  hoursClosed: 'Fermé',
  hoursUnknown: 'Horaires : se renseigner',
  closedOnHolidays: 'Fermé les jours fériés.',
  weekHours: 'Horaires de la semaine',
  day: 'Jour',
  hoursColumn: 'Horaires',
  closedDay: 'fermé',
  phone: 'Téléphone',
  phoneOf: (n) => `téléphone de ${n}`,
  website: 'Site internet',
  websiteOf: (n) => `Site internet de ${n}`,
  appointment: 'Prendre rendez-vous en ligne',
  appointmentOf: (n) => `Prendre rendez-vous en ligne avec ${n}`,
  accessibilitySheet: 'Fiche accessibilité (acceslibre)',
  accessibilitySheetOf: (n) => `Fiche accessibilité (acceslibre) de ${n}`,
  directions: 'Voir l’itinéraire',
  directionsOf: (n) => `Voir l’itinéraire vers ${n}`,
  services: 'Services',
  wheelchair: 'Accueil des personnes en fauteuil roulant',
  mobile: 'Service itinérant : appelez avant de venir.',
  updated: (d) => `Informations mises à jour le ${d}.`,
  addToSheet: 'Ajouter à ma fiche d’aide',
  showMore: 'Afficher plus de lieux',
  filters: 'Filtrer les lieux',
  moreFilters: 'Plus de filtres',
  filtersActive: (n) => plural('fr', n, { one: '{n} filtre actif', other: '{n} filtres actifs' }),
  filterOpenNow: 'Ouvert maintenant',
  filterFree: 'Gratuit',
  filterWheelchair: 'Accessible en fauteuil roulant (rarement renseigné : appelez le lieu)',
  filterServices: 'Services proposés',
  filterSupportKinds: 'Façon d’être aidé',
  filterPublics: 'Publics accueillis',
  filterSpecificSupport: 'Accompagnements spécifiques (handicap, langues, lecture)',
  newWindow: 'nouvelle fenêtre',
  filterLabels: 'Réseaux d’aide nationaux',
  clearFilters: 'Retirer tous les filtres',
  resultsUpdated: (n) => (n === 0 ? 'Aucun lieu ne correspond.' : plural('fr', n, { one: '{n} lieu correspond.', other: '{n} lieux correspondent.' })),
  phoneLineTitle: 'Par téléphone',
  phoneLineCall: (d) => `Appeler le ${d}`,
  phoneLineOpen: (t) => `Joignable maintenant, jusqu’à ${t}`,
  phoneLineReopensToday: (t) => `Fermé, rouvre à ${t}`,
  phoneLineReopensTomorrow: (t) => `Fermé, rouvre demain à ${t}`,
  phoneLineReopensOn: (d, t) => `Fermé, rouvre ${d} à ${t}`,
  phoneLineClosed: 'Fermé pour le moment',
  sheetTitle: 'Ma fiche d’aide',
  sheetIntro: 'À imprimer ou à garder : les lieux choisis, leurs horaires et leur téléphone, et la ligne d’aide.',
  sheetButton: 'Préparer ma fiche d’aide',
  sheetPrint: 'Imprimer ou enregistrer la fiche',
  sheetLabels: { print: 'Imprimer', places: 'Lieux où l’on peut vous aider', near: 'Près de' },
  sheetTutorial: (title, step, total, stepTitle) => `Vous suiviez le tutoriel « ${title} » : vous êtes bloqué à l’étape ${step} sur ${total}, « ${stepTitle} ».`,
  sheetEmpty: 'Cochez « Ajouter à ma fiche d’aide » sous les lieux qui vous intéressent. Sans choix, la fiche reprend les 3 plus proches.',
  sources: 'Sources des données',
  sourcesIntro: 'Données ouvertes, publiées sous Licence Ouverte 2.0 :',
  franceServicesFirst: 'Pour votre démarche, les France services sont proposées en premier : leurs agents sont formés pour ces organismes.',
};

/** What the component shows the moment it waits for its English or Arabic catalogue (a few milliseconds, usually). */
export const catalogueLoading: Record<Exclude<Locale, 'fr'>, string> = { en: 'Loading…', ar: 'جارٍ التحميل…' };

/** English and Arabic, each in a chunk of its own (an object, so that a test can make a load fail). */
export const catalogueLoaders: Record<Exclude<Locale, 'fr'>, () => Promise<LocatorStrings>> = {
  en: () => import('./strings-en.ts').then((m) => m.locatorEn),
  ar: () => import('./strings-ar.ts').then((m) => m.locatorAr),
};
