import { type Catalogues, type Locale, plural } from '@aide/core';

export interface WalkthroughStrings {
  title: string;
  /** Said when focus comes back to the list of tutorials inside the panel (the panel's heading names the view). */
  loading: string;
  loadError: string;
  retry: string;
  notFound: (slug: string) => string;
  forYourProcedure: string;
  /** In another interface language, said before a tutorial is chosen: the tutorials themselves are in French. Empty in French. */
  contentInFrench: string;
  /** {title} is the tutorial's (French) title. */
  resume: (step: number, total: number) => string;
  search: string;
  searchHint: string;
  searchResults: (n: number) => string;
  searchNone: string;
  browse: string;
  themeNames: Record<string, string>;
  levelNames: Record<string, string>;
  minutes: (n: number) => string;
  steps: (n: number) => string;
  updated: (date: string) => string;
  licence: string;
  prerequisites: string;
  contents: string;
  start: string;
  /** The one position shown and said: it names what it counts, next to the page's own step counter. */
  stepOf: (step: number, total: number) => string;
  /** {page} is the page's step of the procedure ("Votre logement"). */
  here: string;
  /** Said when the tutorial moves because the page moved: {page} as in `here`. */
  followed: string;
  fromStart: string;
  /** Marks, in the list of steps, where the page is. */
  hereMarker: string;
  /** Said after it: {page} as in `here`. */
  herePage: string;
  previous: string;
  next: string;
  finish: string;
  stepList: string;
  stepListClose: string;
  currentStep: string;
  doneStep: string;
  showMe: string;
  showMeDone: string;
  listen: string;
  stopListening: string;
  stuck: string;
  stuckHelp: string;
  findHelp: string;
  phoneLine: string;
  print: string;
  enlarge: (alt: string) => string;
  /** Name of the scrolling region around a table. */
  tableRegion: string;
  definitionOf: (term: string) => string;
  newWindow: string;
  backToList: string;
  doneTitle: string;
  doneText: string;
  usefulLinks: string;
  giveFeedback: string;
  resumed: (step: number, total: number) => string;
  callouts: Record<string, string>;
}

const fr: WalkthroughStrings = {
  title: 'Suivre un tutoriel',
  loading: 'Chargement des tutoriels…',
  loadError: 'Les tutoriels n’ont pas pu être chargés. Vérifiez votre connexion internet, puis réessayez.',
  retry: 'Réessayer',
  notFound: (slug) => `Le tutoriel « ${slug} » n’existe pas. Choisissez-en un dans la liste.`,
  forYourProcedure: 'Pour votre démarche',
  contentInFrench: '',
  resume: (step, total) => `Reprendre « {title} » à l’étape ${step} sur ${total}`,
  search: 'Rechercher un tutoriel',
  searchHint: 'Par exemple : déclarer mes revenus, carte grise, mot de passe',
  searchResults: (n) => plural('fr', n, { one: '{n} tutoriel trouvé', other: '{n} tutoriels trouvés' }),
  searchNone: 'Aucun tutoriel ne correspond. Essayez un autre mot, ou parcourez les thèmes ci-dessous.',
  browse: 'Tous les tutoriels, par thème',
  themeNames: {},
  levelNames: {},
  minutes: (n) => `${n} min`,
  steps: (n) => plural('fr', n, { one: '{n} étape', other: '{n} étapes' }),
  updated: (d) => `Mis à jour le ${d}`,
  licence: 'Contenu sous',
  prerequisites: 'Ce qu’il vous faut',
  contents: 'Les étapes',
  start: 'Commencer',
  stepOf: (step, total) => `Tutoriel : étape ${step} sur ${total}`,
  here: 'Vous êtes à l’étape « {page} » de votre démarche : le tutoriel commence ici.',
  followed: 'Votre démarche est passée à l’étape « {page} » : le tutoriel vous suit.',
  fromStart: 'Voir depuis le début',
  hereMarker: 'Vous êtes ici',
  herePage: 'étape « {page} » de votre démarche',
  previous: 'Étape précédente',
  next: 'Étape suivante',
  finish: 'Terminer',
  stepList: 'Voir toutes les étapes',
  stepListClose: 'Masquer la liste des étapes',
  currentStep: '(étape en cours)',
  doneStep: '(déjà vue)',
  showMe: 'Me montrer sur la page',
  showMeDone: 'L’élément est encadré sur la page.',
  listen: 'Écouter cette étape',
  stopListening: 'Arrêter la lecture',
  stuck: 'Je suis bloqué',
  stuckHelp: 'Une personne peut vous aider, près de chez vous ou par téléphone.',
  findHelp: 'Trouver une aide près de chez moi',
  phoneLine: 'Appelez Solidarité Numérique, du lundi au vendredi de 9 h à 18 h (service gratuit) :',
  print: 'Version imprimable du tutoriel',
  enlarge: (alt) => `Agrandir l’image : ${alt}`,
  tableRegion: 'Tableau (faites défiler sur le côté)',
  definitionOf: (term) => `Définition de « ${term} »`,
  newWindow: 'nouvelle fenêtre',
  backToList: 'Revenir à la liste des tutoriels',
  doneTitle: 'Vous avez terminé ce tutoriel',
  doneText: 'Bravo ! Vous pouvez revoir une étape à tout moment.',
  usefulLinks: 'Liens utiles',
  giveFeedback: 'Donner mon avis sur la démarche',
  resumed: (step, total) => `Tutoriel repris à l’étape ${step} sur ${total}`,
  callouts: { astuce: 'Astuce', attention: 'Attention', 'a-savoir': 'À savoir', 'si-ca-ne-marche-pas': 'Si ça ne marche pas' },
};

const en: WalkthroughStrings = {
  title: 'Follow a tutorial',
  loading: 'Loading tutorials…',
  loadError: 'The tutorials could not be loaded. Check your internet connection, then try again.',
  retry: 'Try again',
  notFound: (slug) => `The tutorial “${slug}” does not exist. Choose one from the list.`,
  forYourProcedure: 'For your procedure',
  contentInFrench: 'The tutorials are written in French.',
  resume: (step, total) => `Resume “{title}” at step ${step} of ${total}`,
  search: 'Search for a tutorial',
  // The index is French: English words would find nothing.
  searchHint: 'Search with French words, as the tutorials are in French. For example: revenus, carte grise, mot de passe',
  searchResults: (n) => plural('en', n, { one: '{n} tutorial found', other: '{n} tutorials found' }),
  searchNone: 'No tutorial matches. Try another word, or browse the themes below.',
  browse: 'All tutorials, by theme',
  themeNames: {
    'premiers pas': 'First steps',
    'démarches administratives': 'Administrative procedures',
    'au quotidien': 'Everyday life',
    communiquer: 'Communicating',
    santé: 'Health',
    'éducation et formation': 'Education and training',
  },
  levelNames: { débutant: 'Beginner', intermédiaire: 'Intermediate' },
  minutes: (n) => `${n} min`,
  steps: (n) => plural('en', n, { one: '{n} step', other: '{n} steps' }),
  updated: (d) => `Updated on ${d}`,
  licence: 'Content under',
  prerequisites: 'What you need',
  contents: 'The steps',
  start: 'Start',
  stepOf: (step, total) => `Tutorial: step ${step} of ${total}`,
  here: 'You are at the step “{page}” of your procedure: the tutorial starts here.',
  followed: 'Your procedure moved to the step “{page}”: the tutorial follows you.',
  fromStart: 'See from the beginning',
  hereMarker: 'You are here',
  herePage: 'step “{page}” of your procedure',
  previous: 'Previous step',
  next: 'Next step',
  finish: 'Finish',
  stepList: 'See all steps',
  stepListClose: 'Hide the list of steps',
  currentStep: '(current step)',
  doneStep: '(already seen)',
  showMe: 'Show me on the page',
  showMeDone: 'The element is framed on the page.',
  listen: 'Listen to this step',
  stopListening: 'Stop reading',
  stuck: 'I am stuck',
  stuckHelp: 'Someone can help you, near you or by phone.',
  findHelp: 'Find help near me',
  phoneLine: 'Call Solidarité Numérique, Monday to Friday, 9 am to 6 pm (free service):',
  print: 'Printable version of the tutorial',
  enlarge: (alt) => `Enlarge the image: ${alt}`,
  tableRegion: 'Table (scroll sideways)',
  definitionOf: (term) => `Definition of “${term}”`,
  newWindow: 'new window',
  backToList: 'Back to the list of tutorials',
  doneTitle: 'You have finished this tutorial',
  doneText: 'Well done! You can look at any step again at any time.',
  usefulLinks: 'Useful links',
  giveFeedback: 'Give my opinion on the procedure',
  resumed: (step, total) => `Tutorial resumed at step ${step} of ${total}`,
  callouts: { astuce: 'Tip', attention: 'Warning', 'a-savoir': 'Good to know', 'si-ca-ne-marche-pas': 'If it does not work' },
};

const ar: WalkthroughStrings = {
  title: 'اتباع دليل تعليمي',
  loading: 'جارٍ تحميل الأدلة…',
  loadError: 'تعذر تحميل الأدلة. تحقق من اتصالك بالإنترنت ثم أعد المحاولة.',
  retry: 'إعادة المحاولة',
  notFound: (slug) => `الدليل «${slug}» غير موجود. اختر دليلاً من القائمة.`,
  forYourProcedure: 'أدلة لإجرائك',
  contentInFrench: 'الأدلة التعليمية مكتوبة باللغة الفرنسية.',
  resume: (step, total) => `متابعة «{title}» من الخطوة ${step} من ${total}`,
  search: 'البحث عن دليل',
  searchHint: 'ابحث بكلمات فرنسية: الأدلة مكتوبة بالفرنسية.',
  searchResults: (n) => plural('ar', n, { zero: 'لا توجد أدلة', one: 'دليل واحد', two: 'دليلان', few: '{n} أدلة', other: '{n} دليلاً' }),
  searchNone: 'لا يوجد دليل مطابق. جرّب كلمة أخرى أو تصفح المواضيع أدناه.',
  browse: 'جميع الأدلة حسب الموضوع',
  themeNames: {
    'premiers pas': 'الخطوات الأولى',
    'démarches administratives': 'الإجراءات الإدارية',
    'au quotidien': 'الحياة اليومية',
    communiquer: 'التواصل',
    santé: 'الصحة',
    'éducation et formation': 'التعليم والتدريب',
  },
  levelNames: { débutant: 'مبتدئ', intermédiaire: 'متوسط' },
  minutes: (n) => plural('ar', n, { one: 'دقيقة واحدة', two: 'دقيقتان', few: '{n} دقائق', other: '{n} دقيقة' }),
  steps: (n) => plural('ar', n, { one: 'خطوة واحدة', two: 'خطوتان', few: '{n} خطوات', other: '{n} خطوة' }),
  updated: (d) => `آخر تحديث في ${d}`,
  licence: 'المحتوى بموجب',
  prerequisites: 'ما تحتاج إليه',
  contents: 'الخطوات',
  start: 'ابدأ',
  stepOf: (step, total) => `الدليل: الخطوة ${step} من ${total}`,
  here: 'أنت في خطوة «{page}» من إجرائك: يبدأ الدليل من هنا.',
  followed: 'انتقل إجراؤك إلى خطوة «{page}»: الدليل يتبعك.',
  fromStart: 'العرض من البداية',
  hereMarker: 'أنت هنا',
  herePage: 'خطوة «{page}» من إجرائك',
  previous: 'الخطوة السابقة',
  next: 'الخطوة التالية',
  finish: 'إنهاء',
  stepList: 'عرض جميع الخطوات',
  stepListClose: 'إخفاء قائمة الخطوات',
  currentStep: '(الخطوة الحالية)',
  doneStep: '(تمت رؤيتها)',
  showMe: 'أرني على الصفحة',
  showMeDone: 'تم تمييز العنصر على الصفحة بإطار.',
  listen: 'الاستماع إلى هذه الخطوة',
  stopListening: 'إيقاف القراءة',
  stuck: 'لا أستطيع المتابعة',
  stuckHelp: 'يمكن لشخص مساعدتك بالقرب منك أو عبر الهاتف.',
  findHelp: 'العثور على مساعدة بالقرب مني',
  phoneLine: 'اتصل بـ Solidarité Numérique من الاثنين إلى الجمعة من 9 صباحًا إلى 6 مساءً (خدمة مجانية):',
  print: 'نسخة قابلة للطباعة من الدليل',
  enlarge: (alt) => `تكبير الصورة: ${alt}`,
  tableRegion: 'جدول (مرّره جانبيًا)',
  definitionOf: (term) => `تعريف «${term}»`,
  newWindow: 'نافذة جديدة',
  backToList: 'العودة إلى قائمة الأدلة',
  doneTitle: 'لقد أنهيت هذا الدليل',
  doneText: 'أحسنت! يمكنك مراجعة أي خطوة في أي وقت.',
  usefulLinks: 'روابط مفيدة',
  giveFeedback: 'أبدي رأيي في الإجراء',
  resumed: (step, total) => `تمت متابعة الدليل من الخطوة ${step} من ${total}`,
  callouts: { astuce: 'نصيحة', attention: 'تنبيه', 'a-savoir': 'معلومة مفيدة', 'si-ca-ne-marche-pas': 'إذا لم ينجح الأمر' },
};

export const walkthroughStrings: Catalogues<WalkthroughStrings> = { fr, en, ar };

/** Content of tutorials is in French: whatever the widget's language, it is marked lang="fr". */
export const CONTENT_LANG: Locale = 'fr';
/** …and read left to right, also in the Arabic interface (RGAA 8.10). */
export const CONTENT_DIR = 'ltr';
