// The locator's catalogue in its three locales (fr, en, ar): long for a reason, every string of the component is here,
// side by side per locale, so that a translator reads one file.
import { type Catalogues, type Locale, formatNumber, plural } from '@aide/core';

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
  otherCommunes: string;
  nothingWithin30: string;
  nothingAtAll: string;
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
  vocabulary: Record<string, string>;
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

export const locatorStrings: Catalogues<LocatorStrings> = {
  fr: {
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
    otherCommunes: 'Autres communes avec ce code postal :',
    nothingWithin30: 'Aucun lieu d’aide à moins de 30 km. Le plus simple : appelez la ligne d’aide gratuite.',
    nothingAtAll: 'Aucun lieu d’aide connu dans cette zone. Appelez la ligne d’aide gratuite.',
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
    filtersActive: (n) => plural('fr', n, { one: '{n} filtre actif', other: '{n} filtres actifs' }),
    filterOpenNow: 'Ouvert maintenant',
    filterFree: 'Gratuit',
    filterWheelchair: 'Accessible en fauteuil roulant (rarement renseigné : appelez le lieu)',
    filterServices: 'Services proposés',
    filterSupportKinds: 'Façon d’être aidé',
    filterPublics: 'Publics accueillis',
    filterSpecificSupport: 'Accompagnements spécifiques (handicap, langues, lecture)',
    newWindow: 'nouvelle fenêtre',
    filterLabels: 'Labels et dispositifs',
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
    vocabulary: {},
  },
  en: {
    title: 'Find help near me',
    intro: 'Places where someone can help you with online procedures: France services, digital advisers, associations.',
    fieldLabel: 'Postal code or town',
    fieldHint: 'For example: 75011 or Saint-Étienne',
    search: 'Search',
    useMyPosition: 'Use my location',
    searching: 'Searching…',
    suggestionsCount: (n) => plural('en', n, { one: '{n} town suggested. Use up and down arrows to choose.', other: '{n} towns suggested. Use up and down arrows to choose.' }),
    suggestionsNone: 'No town starts like this.',
    suggestionsLabel: 'Suggested towns',
    errors: {
      empty: 'Type a postal code or the name of a town.',
      'postcode-too-short': 'A postal code has 5 digits, for example 75011.',
      'postcode-too-long': 'A postal code has 5 digits, for example 75011.',
      'too-long': 'This text is too long. Type only a postal code or the name of a town.',
      'no-letters': 'Type a postal code (5 digits) or the name of a town (in letters).',
      'postcode-unknown': (code) => `The postal code ${code} does not exist. Check the digits, or type the town's name.`,
      'commune-unknown': (text) => `We cannot find a town called “${text}”. Check the spelling, or type the postal code.`,
      'no-position-known': 'We do not know where this town is. Call the help line below.',
      'geo-denied': 'You did not allow access to your location. Type a postal code or a town instead.',
      'geo-unavailable': 'Your location could not be found. Type a postal code or a town instead.',
      'geo-unsupported': 'Your browser cannot give your location. Type a postal code or a town instead.',
      'data-failed': (reason) => `The list of places could not be loaded. ${reason} You can also call the help line.`,
    },
    errorPrefix: 'Error: ',
    retry: 'Try again',
    resultsNear: (n, where) => plural('en', n, { one: `{n} place near ${where}`, other: `{n} places near ${where}` }),
    nearYourPosition: 'your location',
    otherCommunes: 'Other towns with this postal code:',
    nothingWithin30: 'No help place within 30 km. The simplest: call the free help line.',
    nothingAtAll: 'No known help place in this area. Call the free help line.',
    distance: (km) => `${km < 1 ? `${Math.round(km * 1000)} m` : `${formatNumber('en', km, { maximumFractionDigits: 1 })} km`} away`,
    approximate: 'approximate location: town centre',
    hoursOpen: (t) => `Open, closes at ${t}`,
    hoursOpenAllDay: 'Open 24 hours',
    hoursClosesSoon: (t) => `Open, closes soon (at ${t})`,
    hoursClosedOpensToday: (t) => `Closed, opens at ${t}`,
    hoursClosedOpensTomorrow: (t) => `Closed, opens tomorrow at ${t}`,
    hoursClosedOpensOn: (d, t) => `Closed, opens ${d} at ${t}`,
    hoursClosed: 'Closed',
    hoursUnknown: 'Opening hours: please ask',
    closedOnHolidays: 'Closed on public holidays.',
    weekHours: 'Opening hours this week',
    day: 'Day',
    hoursColumn: 'Hours',
    closedDay: 'closed',
    phone: 'Phone',
    phoneOf: (n) => `phone number of ${n}`,
    website: 'Website',
    websiteOf: (n) => `Website of ${n}`,
    appointment: 'Book an appointment online',
    appointmentOf: (n) => `Book an appointment online with ${n}`,
    accessibilitySheet: 'Accessibility sheet (acceslibre)',
    accessibilitySheetOf: (n) => `Accessibility sheet (acceslibre) of ${n}`,
    directions: 'Get directions',
    directionsOf: (n) => `Get directions to ${n}`,
    services: 'Services',
    wheelchair: 'Welcomes wheelchair users',
    mobile: 'Mobile service: call before you come.',
    updated: (d) => `Information updated on ${d}.`,
    addToSheet: 'Add to my help sheet',
    showMore: 'Show more places',
    filters: 'Filter places',
    filtersActive: (n) => plural('en', n, { one: '{n} filter on', other: '{n} filters on' }),
    filterOpenNow: 'Open now',
    filterFree: 'Free of charge',
    filterWheelchair: 'Wheelchair accessible (rarely known: call the place)',
    filterServices: 'Services offered',
    filterSupportKinds: 'Kind of help',
    filterPublics: 'Audiences',
    filterSpecificSupport: 'Specific support (disability, languages, reading)',
    newWindow: 'new window',
    filterLabels: 'Labels and national schemes',
    clearFilters: 'Remove all filters',
    resultsUpdated: (n) => (n === 0 ? 'No place matches.' : plural('en', n, { one: '{n} place matches.', other: '{n} places match.' })),
    phoneLineTitle: 'By phone',
    phoneLineCall: (d) => `Call ${d}`,
    phoneLineOpen: (t) => `Open now, until ${t}`,
    phoneLineReopensToday: (t) => `Closed, reopens at ${t}`,
    phoneLineReopensTomorrow: (t) => `Closed, reopens tomorrow at ${t}`,
    phoneLineReopensOn: (d, t) => `Closed, reopens on ${d} at ${t}`,
    phoneLineClosed: 'Closed for now',
    sheetTitle: 'My help sheet',
    sheetIntro: 'To print or keep: the places you chose, their hours and phone, and the help line.',
    sheetButton: 'Prepare my help sheet',
    sheetPrint: 'Print or save the sheet',
    sheetLabels: { print: 'Print', places: 'Places where someone can help you', near: 'Near' },
    sheetTutorial: (title, step, total, stepTitle) => `You were following the tutorial “${title}”: you are stuck at step ${step} of ${total}, “${stepTitle}”.`,
    sheetEmpty: 'Tick “Add to my help sheet” under the places you like. Without a choice, the sheet lists the 3 nearest.',
    sources: 'Data sources',
    sourcesIntro: 'Open data, published under the Licence Ouverte 2.0:',
    franceServicesFirst: 'For your procedure, France services come first: their staff are trained for these organisations.',
    vocabulary: {
      'Aide aux démarches administratives': 'Help with administrative procedures',
      'Maîtrise des outils numériques du quotidien': 'Everyday digital tools',
      'Insertion professionnelle via le numérique': 'Finding work with digital tools',
      'Utilisation sécurisée du numérique': 'Safe use of digital tools',
      'Parentalité et éducation avec le numérique': 'Parenting and education with digital tools',
      'Loisirs et créations numériques': 'Digital leisure and creation',
      'Compréhension du monde numérique': 'Understanding the digital world',
      'Accès internet et matériel informatique': 'Internet access and computers',
      'Acquisition de matériel informatique à prix solidaire': 'Low-cost computers',
      Jeunes: 'Young people',
      Étudiants: 'Students',
      'Familles et/ou enfants': 'Families and children',
      Seniors: 'Older people',
      Femmes: 'Women',
      Surdité: 'Deaf or hard of hearing',
      'Handicaps moteurs': 'Physical disabilities',
      'Handicaps mentaux': 'Mental disabilities',
      Illettrisme: 'Reading difficulties',
      'Langues étrangères (anglais)': 'Foreign languages (English)',
      'Langues étrangères (autres)': 'Foreign languages (others)',
      'Déficience visuelle': 'Blind or partially sighted',
      'En autonomie': 'On your own, with equipment',
      'Accompagnement individuel': 'One-to-one help',
      'Dans un atelier collectif': 'Group workshop',
      'À distance': 'Remote help',
      'Conseillers numériques': 'Digital advisers',
      'Pass numérique': 'Digital pass (APTIC)',
    },
  },
  ar: {
    title: 'العثور على مساعدة بالقرب مني',
    intro: 'أماكن يمكن لشخص فيها مساعدتك في إجراءاتك عبر الإنترنت: فرانس سيرفيس، مستشارون رقميون، جمعيات.',
    fieldLabel: 'الرمز البريدي أو البلدية',
    fieldHint: 'مثلاً: 75011 أو Saint-Étienne',
    search: 'بحث',
    useMyPosition: 'استخدام موقعي',
    searching: 'جارٍ البحث…',
    suggestionsCount: (n) => plural('ar', n, { zero: 'لا توجد اقتراحات.', one: 'بلدية واحدة مقترحة. استخدم الأسهم للاختيار.', two: 'بلديتان مقترحتان. استخدم الأسهم للاختيار.', few: '{n} بلديات مقترحة. استخدم الأسهم للاختيار.', other: '{n} بلدية مقترحة. استخدم الأسهم للاختيار.' }),
    suggestionsNone: 'لا توجد بلدية تبدأ بهذا.',
    suggestionsLabel: 'البلديات المقترحة',
    errors: {
      empty: 'اكتب رمزًا بريديًا أو اسم بلدية.',
      'postcode-too-short': 'يتكون الرمز البريدي من 5 أرقام، مثلاً 75011.',
      'postcode-too-long': 'يتكون الرمز البريدي من 5 أرقام، مثلاً 75011.',
      'too-long': 'هذا النص طويل جدًا. اكتب فقط رمزًا بريديًا أو اسم بلدية.',
      'no-letters': 'اكتب رمزًا بريديًا (5 أرقام) أو اسم بلدية (بالحروف).',
      'postcode-unknown': (code) => `الرمز البريدي ${code} غير موجود. تحقق من الأرقام أو اكتب اسم البلدية.`,
      'commune-unknown': (text) => `لم نجد بلدية باسم «${text}». تحقق من الإملاء أو اكتب الرمز البريدي.`,
      'no-position-known': 'لا نعرف موقع هذه البلدية. اتصل بخط المساعدة أدناه.',
      'geo-denied': 'لم تسمح بالوصول إلى موقعك. اكتب بدلاً من ذلك رمزًا بريديًا أو بلدية.',
      'geo-unavailable': 'تعذر تحديد موقعك. اكتب بدلاً من ذلك رمزًا بريديًا أو بلدية.',
      'geo-unsupported': 'لا يستطيع متصفحك تحديد موقعك. اكتب بدلاً من ذلك رمزًا بريديًا أو بلدية.',
      'data-failed': (reason) => `تعذر تحميل قائمة الأماكن. ${reason} يمكنك أيضًا الاتصال بخط المساعدة.`,
    },
    errorPrefix: 'خطأ: ',
    retry: 'إعادة المحاولة',
    resultsNear: (n, where) => plural('ar', n, { zero: `لا أماكن بالقرب من ${where}`, one: `مكان واحد بالقرب من ${where}`, two: `مكانان بالقرب من ${where}`, few: `{n} أماكن بالقرب من ${where}`, other: `{n} مكانًا بالقرب من ${where}` }),
    nearYourPosition: 'موقعك',
    otherCommunes: 'بلديات أخرى بهذا الرمز البريدي:',
    nothingWithin30: 'لا يوجد مكان مساعدة على بعد أقل من 30 كم. الأسهل: اتصل بخط المساعدة المجاني.',
    nothingAtAll: 'لا يوجد مكان مساعدة معروف في هذه المنطقة. اتصل بخط المساعدة المجاني.',
    distance: (km) => `على بعد ${km < 1 ? `${Math.round(km * 1000)} م` : `${formatNumber('ar', km, { maximumFractionDigits: 1 })} كم`}`,
    approximate: 'موقع تقريبي: وسط البلدية',
    hoursOpen: (t) => `مفتوح، يغلق في ${t}`,
    hoursOpenAllDay: 'مفتوح على مدار الساعة',
    hoursClosesSoon: (t) => `مفتوح، يغلق قريبًا (في ${t})`,
    hoursClosedOpensToday: (t) => `مغلق، يفتح في ${t}`,
    hoursClosedOpensTomorrow: (t) => `مغلق، يفتح غدًا في ${t}`,
    hoursClosedOpensOn: (d, t) => `مغلق، يفتح يوم ${d} في ${t}`,
    hoursClosed: 'مغلق',
    hoursUnknown: 'المواعيد: يرجى الاستفسار',
    closedOnHolidays: 'مغلق في أيام العطل الرسمية.',
    weekHours: 'مواعيد الأسبوع',
    day: 'اليوم',
    hoursColumn: 'المواعيد',
    closedDay: 'مغلق',
    phone: 'الهاتف',
    phoneOf: (n) => `هاتف ${n}`,
    website: 'الموقع الإلكتروني',
    websiteOf: (n) => `الموقع الإلكتروني لـ ${n}`,
    appointment: 'حجز موعد عبر الإنترنت',
    appointmentOf: (n) => `حجز موعد عبر الإنترنت مع ${n}`,
    accessibilitySheet: 'بطاقة إمكانية الوصول (acceslibre)',
    accessibilitySheetOf: (n) => `بطاقة إمكانية الوصول (acceslibre) لـ ${n}`,
    directions: 'عرض الطريق',
    directionsOf: (n) => `عرض الطريق إلى ${n}`,
    services: 'الخدمات',
    wheelchair: 'استقبال مستخدمي الكراسي المتحركة',
    mobile: 'خدمة متنقلة: اتصل قبل المجيء.',
    updated: (d) => `تم تحديث المعلومات في ${d}.`,
    addToSheet: 'إضافة إلى بطاقة المساعدة',
    showMore: 'عرض المزيد من الأماكن',
    filters: 'تصفية الأماكن',
    filtersActive: (n) => plural('ar', n, { one: 'مرشح واحد مفعل', two: 'مرشحان مفعلان', few: '{n} مرشحات مفعلة', other: '{n} مرشحًا مفعلاً' }),
    filterOpenNow: 'مفتوح الآن',
    filterFree: 'مجاني',
    filterWheelchair: 'يمكن الوصول إليه بكرسي متحرك (نادرًا ما تتوفر المعلومة: اتصل بالمكان)',
    filterServices: 'الخدمات المقدمة',
    filterSupportKinds: 'طريقة المساعدة',
    filterPublics: 'الفئات المستقبلة',
    filterSpecificSupport: 'مرافقة خاصة (إعاقة، لغات، قراءة)',
    newWindow: 'نافذة جديدة',
    filterLabels: 'العلامات والبرامج الوطنية',
    clearFilters: 'إزالة جميع المرشحات',
    resultsUpdated: (n) => plural('ar', n, { zero: 'لا يوجد مكان مطابق.', one: 'مكان واحد مطابق.', two: 'مكانان مطابقان.', few: '{n} أماكن مطابقة.', other: '{n} مكانًا مطابقًا.' }),
    phoneLineTitle: 'عبر الهاتف',
    phoneLineCall: (d) => `الاتصال بالرقم ${d}`,
    phoneLineOpen: (t) => `متاح الآن، حتى ${t}`,
    phoneLineReopensToday: (t) => `مغلق، يفتح مجددًا في ${t}`,
    phoneLineReopensTomorrow: (t) => `مغلق، يفتح مجددًا غدًا في ${t}`,
    phoneLineReopensOn: (d, t) => `مغلق، يفتح مجددًا يوم ${d} في ${t}`,
    phoneLineClosed: 'مغلق حاليًا',
    sheetTitle: 'بطاقة المساعدة',
    sheetIntro: 'للطباعة أو الحفظ: الأماكن المختارة ومواعيدها وهواتفها وخط المساعدة.',
    sheetButton: 'إعداد بطاقة المساعدة',
    sheetPrint: 'طباعة البطاقة أو حفظها',
    sheetLabels: { print: 'طباعة', places: 'أماكن يمكن أن تساعدك', near: 'بالقرب من' },
    sheetTutorial: (title, step, total, stepTitle) => `كنت تتبع الدليل «${title}»: أنت عالق في الخطوة ${step} من ${total}، «${stepTitle}».`,
    sheetEmpty: 'ضع علامة على «إضافة إلى بطاقة المساعدة» تحت الأماكن التي تهمك. بدون اختيار، تتضمن البطاقة أقرب 3 أماكن.',
    sources: 'مصادر البيانات',
    sourcesIntro: 'بيانات مفتوحة منشورة بموجب الترخيص المفتوح 2.0:',
    franceServicesFirst: 'لإجراءاتك، تُعرض مراكز فرانس سيرفيس أولاً: موظفوها مدربون على هذه الهيئات.',
    vocabulary: {
      'Aide aux démarches administratives': 'المساعدة في الإجراءات الإدارية',
      'Maîtrise des outils numériques du quotidien': 'استخدام الأدوات الرقمية اليومية',
      'Insertion professionnelle via le numérique': 'البحث عن عمل بالأدوات الرقمية',
      'Utilisation sécurisée du numérique': 'الاستخدام الآمن للإنترنت',
      'Parentalité et éducation avec le numérique': 'التربية والتعليم بالأدوات الرقمية',
      'Loisirs et créations numériques': 'الترفيه والإبداع الرقمي',
      'Compréhension du monde numérique': 'فهم العالم الرقمي',
      'Accès internet et matériel informatique': 'الوصول إلى الإنترنت والحواسيب',
      'Acquisition de matériel informatique à prix solidaire': 'حواسيب بأسعار مخفضة',
      Jeunes: 'الشباب',
      Étudiants: 'الطلاب',
      'Familles et/ou enfants': 'العائلات والأطفال',
      Seniors: 'كبار السن',
      Femmes: 'النساء',
      Surdité: 'الصمم وضعف السمع',
      'Handicaps moteurs': 'الإعاقات الحركية',
      'Handicaps mentaux': 'الإعاقات الذهنية',
      Illettrisme: 'صعوبات القراءة',
      'Langues étrangères (anglais)': 'لغات أجنبية (الإنجليزية)',
      'Langues étrangères (autres)': 'لغات أجنبية (أخرى)',
      'Déficience visuelle': 'الإعاقة البصرية',
      'En autonomie': 'بشكل مستقل، مع معدات',
      'Accompagnement individuel': 'مرافقة فردية',
      'Dans un atelier collectif': 'ورشة جماعية',
      'À distance': 'مساعدة عن بعد',
      'Conseillers numériques': 'مستشارون رقميون',
      'Pass numérique': 'البطاقة الرقمية (APTIC)',
    },
  },
};
