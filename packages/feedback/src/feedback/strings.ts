import { type Catalogues, plural } from '@aide/core';

export interface FeedbackStrings {
  title: string;
  open: string;
  intro: string;
  required: string;
  satisfactionLegend: string;
  satisfaction: { bad: string; medium: string; good: string };
  satisfactionError: string;
  clarityLegend: string;
  clarity: (n: number) => string;
  difficultiesLegend: string;
  difficulties: Record<'info-before' | 'not-working' | 'attachments' | 'info-after' | 'other', string>;
  helpLegend: string;
  help: Record<'counter' | 'phone' | 'email' | 'chat' | 'relative' | 'association' | 'websites' | 'other' | 'none', string>;
  noneUnchecks: string;
  othersUncheckNone: string;
  commentLabel: string;
  commentWarning: string;
  remaining: (n: number) => string;
  optional: string;
  send: string;
  sending: string;
  errorPrefix: string;
  sentTitle: string;
  sentText: string;
  queuedTitle: string;
  queuedText: string;
  /** Kept on the device although online: the service did not take it yet (no answer, server error, blocked). */
  delayedTitle: string;
  delayedText: string;
  rejectedTitle: string;
  rejectedText: string;
  offerIntro: string;
  offerTutorials: string;
  offerLocator: string;
  again: string;
  notConfigured: string;
  /** « Raconter mon expérience »: its button, the offer after an opinion; its form's strings are in its own chunk. */
  storyTitle: string;
  storyOffer: string;
  storyLoading: string;
  storyLoadFailed: string;
  retry: string;
}

const fr: FeedbackStrings = {
  title: 'Je donne mon avis',
  open: 'Je donne mon avis',
  intro: 'Dites-nous comment s’est passée votre démarche. Votre avis est anonyme : il sert à améliorer le service.',
  required: 'obligatoire',
  satisfactionLegend: 'De façon générale, comment ça s’est passé ?',
  satisfaction: { bad: 'Pas bien', medium: 'Moyen', good: 'Très bien' },
  satisfactionError: 'Choisissez une réponse : « Pas bien », « Moyen » ou « Très bien ».',
  clarityLegend: 'Qu’avez-vous pensé des informations et des instructions fournies ?',
  clarity: (n) => (n === 1 ? '1 sur 5 : pas clair du tout' : n === 5 ? '5 sur 5 : très clair' : `${n} sur 5`),
  difficultiesLegend: 'Avez-vous rencontré des difficultés ?',
  difficulties: {
    'info-before': 'Manque d’informations avant de commencer',
    'not-working': 'La démarche n’a pas fonctionné',
    attachments: 'Difficulté à joindre les pièces justificatives',
    'info-after': 'Manque d’informations sur la suite',
    other: 'Autre',
  },
  helpLegend: 'Durant votre parcours, avez-vous tenté d’obtenir de l’aide ?',
  help: {
    counter: 'Au guichet',
    phone: 'Par téléphone',
    email: 'Par e-mail',
    chat: 'Par chat',
    relative: 'Auprès d’une personne proche',
    association: 'Auprès d’une association',
    websites: 'Sur des sites internet',
    other: 'Autre',
    none: 'Je n’ai pas eu besoin d’aide',
  },
  noneUnchecks: '« Je n’ai pas eu besoin d’aide » est coché : les autres réponses sont décochées.',
  othersUncheckNone: '« Je n’ai pas eu besoin d’aide » est décoché.',
  commentLabel: 'Souhaitez-vous nous en dire plus ?',
  commentWarning: 'N’écrivez pas d’information personnelle : ni nom, ni adresse, ni numéro de dossier ou de sécurité sociale.',
  remaining: (n) => plural('fr', n, { one: 'Il vous reste {n} caractère.', other: 'Il vous reste {n} caractères.' }),
  optional: 'facultatif',
  send: 'Envoyer mon avis',
  sending: 'Envoi en cours…',
  errorPrefix: 'Erreur : ',
  sentTitle: 'Merci, votre avis a été envoyé.',
  sentText: 'Il aidera à améliorer cette démarche.',
  queuedTitle: 'Merci, votre avis est enregistré.',
  queuedText: 'Votre avis sera envoyé dès que la connexion reviendra. Vous pouvez fermer cette page : il partira à votre prochaine visite.',
  delayedTitle: 'Merci, votre avis est enregistré.',
  delayedText: 'Il n’a pas pu être envoyé pour l’instant : il est gardé sur cet appareil et sera renvoyé automatiquement. Vous n’avez rien à faire.',
  rejectedTitle: 'Votre avis n’a pas pu être envoyé.',
  rejectedText: 'Le service d’avis l’a refusé. Ce n’est pas de votre faute : l’administration en est informée.',
  offerIntro: 'Vous avez eu du mal ? Ces aides peuvent vous servir :',
  offerTutorials: 'Voir les tutoriels pour cette démarche',
  offerLocator: 'Trouver une aide près de chez moi',
  again: 'Donner un autre avis',
  notConfigured: 'Le service d’avis n’est pas configuré sur cette page.',
  storyTitle: 'Raconter mon expérience',
  storyOffer: 'Vous voulez raconter ce qui s’est passé ? Avec votre accord, votre récit pourra être publié avec la réponse de l’administration.',
  storyLoading: 'Chargement du formulaire…',
  storyLoadFailed: 'Le formulaire n’a pas pu être chargé. Vérifiez votre connexion internet, puis réessayez.',
  retry: 'Réessayer',
};

const en: FeedbackStrings = {
  title: 'Give my opinion',
  open: 'Give my opinion',
  intro: 'Tell us how your procedure went. Your opinion is anonymous: it is used to improve the service.',
  required: 'required',
  satisfactionLegend: 'Overall, how did it go?',
  satisfaction: { bad: 'Not well', medium: 'So-so', good: 'Very well' },
  satisfactionError: 'Choose an answer: “Not well”, “So-so” or “Very well”.',
  clarityLegend: 'What did you think of the information and instructions provided?',
  clarity: (n) => (n === 1 ? '1 out of 5: not clear at all' : n === 5 ? '5 out of 5: very clear' : `${n} out of 5`),
  difficultiesLegend: 'Did you run into difficulties?',
  difficulties: {
    'info-before': 'Not enough information before starting',
    'not-working': 'The procedure did not work',
    attachments: 'Difficulty attaching supporting documents',
    'info-after': 'Not enough information about what happens next',
    other: 'Other',
  },
  helpLegend: 'During the procedure, did you try to get help?',
  help: {
    counter: 'At a counter',
    phone: 'By phone',
    email: 'By e-mail',
    chat: 'By chat',
    relative: 'From someone close',
    association: 'From an association',
    websites: 'On websites',
    other: 'Other',
    none: 'I did not need help',
  },
  noneUnchecks: '“I did not need help” is ticked: the other answers are unticked.',
  othersUncheckNone: '“I did not need help” is unticked.',
  commentLabel: 'Would you like to tell us more?',
  commentWarning: 'Do not write personal information: no name, address, file or social security number.',
  remaining: (n) => plural('en', n, { one: '{n} character left.', other: '{n} characters left.' }),
  optional: 'optional',
  send: 'Send my opinion',
  sending: 'Sending…',
  errorPrefix: 'Error: ',
  sentTitle: 'Thank you, your opinion has been sent.',
  sentText: 'It will help improve this procedure.',
  queuedTitle: 'Thank you, your opinion is saved.',
  queuedText: 'Your opinion will be sent as soon as the connection is back. You can close this page: it will be sent on your next visit.',
  delayedTitle: 'Thank you, your opinion is saved.',
  delayedText: 'It could not be sent for now: it is kept on this device and will be sent again automatically. You have nothing to do.',
  rejectedTitle: 'Your opinion could not be sent.',
  rejectedText: 'The feedback service refused it. It is not your fault: the administration is informed.',
  offerIntro: 'Did you have trouble? This help may be useful:',
  offerTutorials: 'See the tutorials for this procedure',
  offerLocator: 'Find help near me',
  again: 'Give another opinion',
  notConfigured: 'The feedback service is not configured on this page.',
  storyTitle: 'Tell my experience',
  storyOffer: 'Would you like to tell what happened? With your consent, your story may be published with the administration’s answer.',
  storyLoading: 'Loading the form…',
  storyLoadFailed: 'The form could not be loaded. Check your internet connection, then try again.',
  retry: 'Try again',
};

const ar: FeedbackStrings = {
  title: 'أبدي رأيي',
  open: 'أبدي رأيي',
  intro: 'أخبرنا كيف جرى إجراؤك. رأيك مجهول الهوية ويُستخدم لتحسين الخدمة.',
  required: 'إلزامي',
  satisfactionLegend: 'بشكل عام، كيف جرى الأمر؟',
  satisfaction: { bad: 'ليس جيدًا', medium: 'متوسط', good: 'جيد جدًا' },
  satisfactionError: 'اختر إجابة: «ليس جيدًا» أو «متوسط» أو «جيد جدًا».',
  clarityLegend: 'ما رأيك في المعلومات والتعليمات المقدمة؟',
  clarity: (n) => (n === 1 ? '1 من 5: غير واضحة إطلاقًا' : n === 5 ? '5 من 5: واضحة جدًا' : `${n} من 5`),
  difficultiesLegend: 'هل واجهت صعوبات؟',
  difficulties: {
    'info-before': 'نقص المعلومات قبل البدء',
    'not-working': 'لم يعمل الإجراء',
    attachments: 'صعوبة في إرفاق المستندات الداعمة',
    'info-after': 'نقص المعلومات حول ما سيحدث بعد ذلك',
    other: 'أخرى',
  },
  helpLegend: 'خلال الإجراء، هل حاولت الحصول على مساعدة؟',
  help: {
    counter: 'في الشباك',
    phone: 'عبر الهاتف',
    email: 'عبر البريد الإلكتروني',
    chat: 'عبر المحادثة',
    relative: 'من شخص قريب',
    association: 'من جمعية',
    websites: 'على مواقع الإنترنت',
    other: 'أخرى',
    none: 'لم أحتج إلى مساعدة',
  },
  noneUnchecks: 'تم تحديد «لم أحتج إلى مساعدة»: أُلغي تحديد الإجابات الأخرى.',
  othersUncheckNone: 'أُلغي تحديد «لم أحتج إلى مساعدة».',
  commentLabel: 'هل تود أن تخبرنا بالمزيد؟',
  commentWarning: 'لا تكتب معلومات شخصية: لا اسم ولا عنوان ولا رقم ملف أو ضمان اجتماعي.',
  remaining: (n) => plural('ar', n, { zero: 'لم يتبق أي حرف.', one: 'يتبقى حرف واحد.', two: 'يتبقى حرفان.', few: 'تتبقى {n} أحرف.', other: 'يتبقى {n} حرفًا.' }),
  optional: 'اختياري',
  send: 'إرسال رأيي',
  sending: 'جارٍ الإرسال…',
  errorPrefix: 'خطأ: ',
  sentTitle: 'شكرًا، تم إرسال رأيك.',
  sentText: 'سيساعد في تحسين هذا الإجراء.',
  queuedTitle: 'شكرًا، تم حفظ رأيك.',
  queuedText: 'سيُرسل رأيك فور عودة الاتصال. يمكنك إغلاق هذه الصفحة: سيُرسل في زيارتك القادمة.',
  delayedTitle: 'شكرًا، تم حفظ رأيك.',
  delayedText: 'تعذر إرساله حاليًا: إنه محفوظ على هذا الجهاز وسيُعاد إرساله تلقائيًا. لا داعي لفعل أي شيء.',
  rejectedTitle: 'تعذر إرسال رأيك.',
  rejectedText: 'رفضته خدمة الآراء. ليس ذلك خطأك: تم إبلاغ الإدارة.',
  offerIntro: 'هل واجهت صعوبة؟ قد تفيدك هذه المساعدات:',
  offerTutorials: 'عرض الأدلة الخاصة بهذا الإجراء',
  offerLocator: 'العثور على مساعدة بالقرب مني',
  again: 'إبداء رأي آخر',
  notConfigured: 'خدمة الآراء غير مهيأة في هذه الصفحة.',
  storyTitle: 'أروي تجربتي',
  storyOffer: 'هل تريد أن تروي ما حدث؟ بموافقتك، يمكن نشر روايتك مع رد الإدارة.',
  storyLoading: 'جارٍ تحميل الاستمارة…',
  storyLoadFailed: 'تعذر تحميل الاستمارة. تحقق من اتصالك بالإنترنت، ثم أعد المحاولة.',
  retry: 'إعادة المحاولة',
};

export const feedbackStrings: Catalogues<FeedbackStrings> = { fr, en, ar };
