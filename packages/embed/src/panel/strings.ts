import type { Catalogues } from '@aide/core';

export interface PanelStrings {
  panelLabel: string;
  homeTitle: string;
  homeIntro: string;
  tutorialsTitle: string;
  tutorialsDescription: string;
  locatorTitle: string;
  locatorDescription: string;
  feedbackTitle: string;
  feedbackDescription: string;
  storyTitle: string;
  storyDescription: string;
  accessibilityTitle: string;
  /** Footer button that opens the accessibility view. */
  accessibilityLink: (level: string) => string;
  conformanceLevels: { total: string; partial: string; none: string };
  accessibilitySummary: (level: string, standard: string, rate: string) => string;
  /** « À confirmer »: what a person still has to check; not counted as met. */
  accessibilityCounts: (conforme: number, nonConforme: number, aConfirmer: number, nonApplicable: number) => string;
  accessibilityAudit: (date: string) => string;
  accessibilityContactTitle: string;
  accessibilityContact: string;
  accessibilityRemedy: string;
  accessibilityFull: string;
  newWindow: string;
  backHome: string;
  close: string;
  reduce: string;
  show: string;
  goToPage: string;
  shortcutHint: string;
  loading: string;
  loadError: string;
  retry: string;
  barDefault: string;
  barStep: (step: number, total: number) => string;
  opened: string;
}

export const panelStrings: Catalogues<PanelStrings> = {
  fr: {
    panelLabel: 'Aide numérique',
    homeTitle: 'Comment pouvons-nous vous aider ?',
    homeIntro: 'Vous êtes bloqué dans votre démarche ? Choisissez une aide. La page reste ouverte à côté.',
    tutorialsTitle: 'Suivre un tutoriel',
    tutorialsDescription: 'Des explications pas à pas, à suivre en même temps que votre démarche.',
    locatorTitle: 'Trouver une aide près de chez moi',
    locatorDescription: 'Des lieux où une personne peut vous aider, et un numéro de téléphone gratuit.',
    feedbackTitle: 'Donner mon avis',
    feedbackDescription: 'Dites-nous en quelques clics comment s’est passée votre démarche. C’est anonyme.',
    storyTitle: 'Raconter mon expérience',
    storyDescription: 'Racontez ce qui s’est passé : l’administration peut vous répondre.',
    accessibilityTitle: 'Accessibilité',
    accessibilityLink: (level) => `Accessibilité : ${level}`,
    conformanceLevels: { total: 'totalement conforme', partial: 'partiellement conforme', none: 'non conforme' },
    accessibilitySummary: (level, standard, rate) => `Cette aide est ${level} au ${standard} : ${rate} % des critères qui la concernent sont respectés.`,
    accessibilityCounts: (c, nc, ac, na) => `${c} critères conformes, ${nc} non conformes, ${ac} à confirmer par une personne, ${na} non applicables.`,
    accessibilityAudit: (date) => `Vérification faite le ${date}, par des tests automatiques dans de vrais navigateurs et des vérifications à la main.`,
    accessibilityContactTitle: 'Vous n’arrivez pas à utiliser cette aide ?',
    accessibilityContact: 'Contactez le service qui gère ce site : il doit vous proposer une autre solution ou vous donner l’information sous une autre forme.',
    accessibilityRemedy: 'S’il ne vous répond pas, vous pouvez écrire au Défenseur des droits, gratuitement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
    accessibilityFull: 'Lire la déclaration d’accessibilité complète',
    newWindow: 'nouvelle fenêtre',
    backHome: 'Retour au choix de l’aide',
    close: 'Fermer l’aide',
    reduce: 'Réduire',
    show: 'Afficher',
    goToPage: 'Revenir à la page',
    shortcutHint: 'Touche F6 : passer de l’aide à la page, et inversement.',
    loading: 'Chargement…',
    loadError: 'Cette partie de l’aide n’a pas pu être chargée. Vérifiez votre connexion internet, puis réessayez.',
    retry: 'Réessayer',
    barDefault: 'Aide numérique',
    barStep: (step, total) => `Tutoriel : étape ${step} sur ${total}`,
    opened: 'Aide ouverte',
  },
  en: {
    panelLabel: 'Digital help',
    homeTitle: 'How can we help you?',
    homeIntro: 'Stuck in your procedure? Choose a kind of help. The page stays open beside it.',
    tutorialsTitle: 'Follow a tutorial',
    tutorialsDescription: 'Step-by-step explanations to follow while you do your procedure.',
    locatorTitle: 'Find help near me',
    locatorDescription: 'Places where someone can help you, and a free phone number.',
    feedbackTitle: 'Give my opinion',
    feedbackDescription: 'Tell us in a few clicks how your procedure went. It is anonymous.',
    storyTitle: 'Tell my experience',
    storyDescription: 'Tell what happened: the administration can answer you.',
    accessibilityTitle: 'Accessibility',
    accessibilityLink: (level) => `Accessibility: ${level}`,
    conformanceLevels: { total: 'fully compliant', partial: 'partially compliant', none: 'not compliant' },
    accessibilitySummary: (level, standard, rate) => `This help is ${level} with ${standard} (the French accessibility standard): ${rate}% of the criteria that concern it are met.`,
    accessibilityCounts: (c, nc, ac, na) => `${c} criteria met, ${nc} not met, ${ac} still to be checked by a person, ${na} not applicable.`,
    accessibilityAudit: (date) => `Checked on ${date}, with automated tests in real browsers and checks by hand.`,
    accessibilityContactTitle: 'You cannot use this help?',
    accessibilityContact: 'Contact the service that runs this website: it must offer you another way, or the information in another form.',
    accessibilityRemedy: 'If it does not answer, you can write to the Défenseur des droits (the French rights ombudsman), free of charge: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
    accessibilityFull: 'Read the full accessibility statement (in French)',
    newWindow: 'new window',
    backHome: 'Back to the choice of help',
    close: 'Close help',
    reduce: 'Minimise',
    show: 'Show',
    goToPage: 'Back to the page',
    shortcutHint: 'F6 key: switch between the help and the page.',
    loading: 'Loading…',
    loadError: 'This part of the help could not be loaded. Check your internet connection, then try again.',
    retry: 'Try again',
    barDefault: 'Digital help',
    barStep: (step, total) => `Tutorial: step ${step} of ${total}`,
    opened: 'Help opened',
  },
  ar: {
    panelLabel: 'المساعدة الرقمية',
    homeTitle: 'كيف يمكننا مساعدتك؟',
    homeIntro: 'هل تواجه صعوبة في إجرائك؟ اختر نوع المساعدة. تبقى الصفحة مفتوحة بجانبها.',
    tutorialsTitle: 'اتباع دليل تعليمي',
    tutorialsDescription: 'شروح خطوة بخطوة تتبعها أثناء قيامك بإجرائك.',
    locatorTitle: 'العثور على مساعدة بالقرب مني',
    locatorDescription: 'أماكن يساعدك فيها شخص، ورقم هاتف مجاني.',
    feedbackTitle: 'أبدي رأيي',
    feedbackDescription: 'أخبرنا ببضع نقرات كيف جرى إجراؤك. رأيك مجهول الهوية.',
    storyTitle: 'أروي تجربتي',
    storyDescription: 'اروِ ما حدث: يمكن للإدارة أن ترد عليك.',
    accessibilityTitle: 'إمكانية الوصول',
    accessibilityLink: (level) => `إمكانية الوصول: ${level}`,
    conformanceLevels: { total: 'مطابقة تامة', partial: 'مطابقة جزئية', none: 'غير مطابقة' },
    accessibilitySummary: (level, standard, rate) => `مستوى مطابقة هذه المساعدة لمعيار ${standard} (المعيار الفرنسي لإمكانية الوصول): ${level}، و${rate}٪ من المعايير التي تخصها مستوفاة.`,
    accessibilityCounts: (c, nc, ac, na) => `المعايير المستوفاة: ${c}؛ غير المستوفاة: ${nc}؛ بانتظار تحقق شخص منها: ${ac}؛ غير المنطبقة: ${na}.`,
    accessibilityAudit: (date) => `تم التحقق في ${date}، باختبارات آلية في متصفحات حقيقية وبفحوصات يدوية.`,
    accessibilityContactTitle: 'لا تستطيع استخدام هذه المساعدة؟',
    accessibilityContact: 'اتصل بالجهة التي تدير هذا الموقع: عليها أن تقترح عليك حلًا آخر أو تقدم لك المعلومة بشكل آخر.',
    accessibilityRemedy: 'إذا لم تجبك، يمكنك الكتابة مجانًا إلى المدافع عن الحقوق: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.',
    accessibilityFull: 'قراءة بيان إمكانية الوصول الكامل (بالفرنسية)',
    newWindow: 'نافذة جديدة',
    backHome: 'العودة إلى اختيار المساعدة',
    close: 'إغلاق المساعدة',
    reduce: 'تصغير',
    show: 'عرض',
    goToPage: 'العودة إلى الصفحة',
    shortcutHint: 'مفتاح F6: للتنقل بين المساعدة والصفحة.',
    loading: 'جارٍ التحميل…',
    loadError: 'تعذر تحميل هذا الجزء من المساعدة. تحقق من اتصالك بالإنترنت ثم أعد المحاولة.',
    retry: 'إعادة المحاولة',
    barDefault: 'المساعدة الرقمية',
    barStep: (step, total) => `الدليل: الخطوة ${step} من ${total}`,
    opened: 'تم فتح المساعدة',
  },
};
