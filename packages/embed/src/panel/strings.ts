import type { Catalogues } from '@aide/core/i18n';

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
  accessibilityTitle: string;
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
    accessibilityTitle: 'Accessibilité',
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
    barStep: (step, total) => `Étape ${step} sur ${total}`,
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
    accessibilityTitle: 'Accessibility',
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
    barStep: (step, total) => `Step ${step} of ${total}`,
    opened: 'Help opened',
  },
  ar: {
    panelLabel: 'المساعدة الرقمية',
    homeTitle: 'كيف يمكننا مساعدتك؟',
    homeIntro: 'هل أنت عالق في إجراءاتك؟ اختر نوع المساعدة. تبقى الصفحة مفتوحة بجانبها.',
    tutorialsTitle: 'اتباع دليل تعليمي',
    tutorialsDescription: 'شروح خطوة بخطوة تتبعها أثناء قيامك بإجراءاتك.',
    locatorTitle: 'العثور على مساعدة بالقرب مني',
    locatorDescription: 'أماكن يمكن لشخص فيها مساعدتك، ورقم هاتف مجاني.',
    feedbackTitle: 'إبداء رأيي',
    feedbackDescription: 'أخبرنا ببضع نقرات كيف جرت إجراءاتك. الرأي مجهول الهوية.',
    accessibilityTitle: 'إمكانية الوصول',
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
    barStep: (step, total) => `الخطوة ${step} من ${total}`,
    opened: 'تم فتح المساعدة',
  },
};
