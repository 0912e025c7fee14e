/** « Raconter mon expérience »: every string of the story form, in the three locales of the widget. */
import { type Catalogues, plural } from '@aide/core';

export interface StoryStrings {
  title: string;
  intro: string;
  textLabel: string;
  textHint: string;
  textWarning: string;
  remaining: (n: number) => string;
  over: (n: number) => string;
  feelingLegend: string;
  feelings: Record<'positive' | 'negative' | 'mixed', string>;
  channelLegend: string;
  channels: Record<'online' | 'phone' | 'desk' | 'with-help', string>;
  rulesTitle: string;
  rules: string[];
  consentLabel: string;
  textEmpty: string;
  textTooLong: (n: number) => string;
  maskedTooLong: (n: number) => string;
  tooLarge: string;
  feelingMissing: string;
  channelMissing: string;
  consentMissing: string;
  serverField: string;
  serverRefused: string;
  check: string;
  checking: string;
  maskingError: string;
  previewTitle: string;
  previewMasked: (n: number) => string;
  previewNothing: string;
  previewTextLabel: string;
  previewFeeling: string;
  previewChannel: string;
  previewModeration: string;
  send: string;
  sending: string;
  edit: string;
  sentTitle: string;
  sentText: string;
  queuedTitle: string;
  queuedText: string;
  queuedTextKeepOpen: string;
  /** Online, but the service did not take it yet (no answer in time, a server error): not a connection problem. */
  delayedText: string;
  delayedTextKeepOpen: string;
  sentLater: string;
  rejectedTitle: string;
  rejectedText: string;
  followTitle: string;
  followText: string;
  followRemembered: string;
  followLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  openFollow: string;
  newWindow: string;
  followMissing: string;
  yourStories: string;
  storyOf: (date: string) => string;
  statuses: Record<'pending' | 'published' | 'refused' | 'answered', string>;
  followThis: string;
  answerTitle: string;
  answerText: (n: number) => string;
  readAnswer: string;
  sentNoticeTitle: string;
  sentNoticeText: string;
}

const fr: StoryStrings = {
  title: 'Raconter mon expérience',
  intro: 'Racontez ce qui s’est passé pendant votre démarche. Une personne de l’administration lira votre récit ; avec votre accord, il pourra être publié avec sa réponse. Pas besoin de compte.',
  textLabel: 'Que s’est-il passé ?',
  textHint: 'Avec vos mots : ce que vous vouliez faire, ce qui s’est passé, ce que vous en pensez.',
  textWarning: 'N’écrivez pas d’information personnelle : ni nom, ni adresse, ni numéro de téléphone, de dossier ou de sécurité sociale. Si vous en écrivez, elles seront masquées avant l’envoi.',
  remaining: (n) => plural('fr', n, { one: 'Il vous reste {n} caractère.', other: 'Il vous reste {n} caractères.' }),
  over: (n) => plural('fr', n, { one: 'Vous avez {n} caractère en trop.', other: 'Vous avez {n} caractères en trop.' }),
  feelingLegend: 'Dans l’ensemble, votre expérience a été :',
  feelings: { positive: 'Positive', negative: 'Négative', mixed: 'Mitigée : du bon et du moins bon' },
  channelLegend: 'Comment avez-vous fait cette démarche ?',
  channels: {
    online: 'En ligne, sur internet',
    phone: 'Par téléphone',
    desk: 'Sur place, à un guichet',
    'with-help': 'Avec l’aide de quelqu’un (un proche, un conseiller, une association…)',
  },
  rulesTitle: 'Comment votre récit est publié',
  rules: [
    'Nous retirons ce qui permettrait de vous reconnaître : noms, adresses, e-mails, numéros de téléphone, de dossier, de sécurité sociale ou de compte bancaire.',
    'Une personne de l’administration lit chaque récit. Elle le publie, ou le refuse s’il ne respecte pas la charte (propos injurieux, hors sujet…).',
    'Une fois publié, votre récit peut être lu par tout le monde, sur internet, avec la réponse de l’administration.',
    'Vous n’avez pas de compte à créer : après l’envoi, un lien privé vous permet de suivre votre récit.',
  ],
  consentLabel: 'J’accepte que mon récit soit publié selon ces règles',
  textEmpty: 'Écrivez votre récit : ce champ est vide.',
  textTooLong: (n) => plural('fr', n, { one: 'Votre récit dépasse 2 000 caractères de {n} caractère. Raccourcissez-le.', other: 'Votre récit dépasse 2 000 caractères de {n} caractères. Raccourcissez-le.' }),
  maskedTooLong: (n) =>
    plural('fr', n, {
      one: 'Une fois les informations personnelles masquées, votre récit dépasse 2 000 caractères de {n} caractère. Raccourcissez-le.',
      other: 'Une fois les informations personnelles masquées, votre récit dépasse 2 000 caractères de {n} caractères. Raccourcissez-le.',
    }),
  tooLarge: 'Votre récit est trop long pour être envoyé. Raccourcissez-le.',
  feelingMissing: 'Choisissez comment s’est passée votre expérience : « Positive », « Négative » ou « Mitigée ».',
  channelMissing: 'Choisissez comment vous avez fait cette démarche.',
  consentMissing: 'Cochez la case pour accepter les règles de publication : sans votre accord, le récit ne peut pas être envoyé.',
  serverField: 'Le service n’a pas accepté cette réponse :',
  serverRefused: 'Le service a refusé votre récit :',
  check: 'Vérifier mon récit avant l’envoi',
  checking: 'Vérification…',
  maskingError: 'La vérification des informations personnelles n’a pas pu être chargée. Vérifiez votre connexion internet, puis réessayez.',
  previewTitle: 'Vérifiez votre récit avant l’envoi',
  previewMasked: (n) =>
    plural('fr', n, {
      one: 'Nous avons masqué {n} information personnelle : elle est remplacée par une mention entre crochets, surlignée.',
      other: 'Nous avons masqué {n} informations personnelles : elles sont remplacées par une mention entre crochets, surlignée.',
    }),
  previewNothing: 'Nous n’avons trouvé aucune information personnelle. Relisez votre récit : s’il est publié, ce sera tel quel.',
  previewTextLabel: 'Votre récit, tel qu’il sera envoyé',
  previewFeeling: 'Votre expérience',
  previewChannel: 'Démarche faite',
  previewModeration: 'Une personne de l’administration le lira avant toute publication.',
  send: 'Envoyer mon récit',
  sending: 'Envoi en cours…',
  edit: 'Modifier mon récit',
  sentTitle: 'Merci, votre récit a été envoyé.',
  sentText: 'Une personne de l’administration va le lire. S’il est publié, ce sera avec la réponse de l’administration.',
  queuedTitle: 'Merci, votre récit est enregistré sur cet appareil.',
  queuedText: 'Il sera envoyé dès que la connexion reviendra. Votre lien de suivi s’affichera ici ; si vous fermez la page, l’aide vous le donnera à votre prochaine visite.',
  queuedTextKeepOpen: 'Il sera envoyé dès que la connexion reviendra : gardez cette page ouverte jusque-là. Votre lien de suivi s’affichera ici.',
  delayedText: 'Il n’a pas pu être envoyé pour l’instant : il sera renvoyé automatiquement. Votre lien de suivi s’affichera ici ; si vous fermez la page, l’aide vous le donnera à votre prochaine visite.',
  delayedTextKeepOpen: 'Il n’a pas pu être envoyé pour l’instant : il sera renvoyé automatiquement, gardez cette page ouverte jusque-là. Votre lien de suivi s’affichera ici.',
  sentLater: 'Votre récit a été envoyé. Votre lien de suivi est affiché.',
  rejectedTitle: 'Votre récit n’a pas pu être envoyé.',
  rejectedText: 'Le service l’a refusé. Ce n’est pas de votre faute : vous pouvez modifier votre récit et réessayer.',
  followTitle: 'Votre lien de suivi privé',
  followText: 'Avec ce lien, vous pouvez voir si votre récit est publié et lire la réponse de l’administration. Gardez-le : c’est le seul moyen de retrouver votre récit. Ne le partagez pas.',
  followRemembered: 'Cet appareil s’en souvient : l’aide vous dira quand vous aurez une réponse.',
  followLabel: 'Lien de suivi',
  copy: 'Copier le lien',
  copied: 'Lien copié dans le presse-papiers.',
  copyFailed: 'La copie automatique n’est pas possible ici : le lien est sélectionné, copiez-le (Ctrl+C, ou un appui long sur un téléphone).',
  openFollow: 'Ouvrir ma page de suivi, pour l’imprimer ou la garder',
  newWindow: 'nouvelle fenêtre',
  followMissing: 'Le lien de suivi n’a pas pu être affiché. Votre récit est bien arrivé.',
  yourStories: 'Vos récits envoyés depuis cet appareil',
  storyOf: (date) => `Récit du ${date}`,
  statuses: { pending: 'en attente de lecture', published: 'publié', refused: 'non publié', answered: 'l’administration a répondu' },
  followThis: 'Suivre ce récit',
  answerTitle: 'Vous avez une réponse',
  answerText: (n) => plural('fr', n, { one: 'L’administration a répondu à votre récit.', other: 'L’administration a répondu à {n} de vos récits.' }),
  readAnswer: 'Lire la réponse',
  sentNoticeTitle: 'Votre récit a été envoyé',
  sentNoticeText: 'Il est parti quand la connexion est revenue. Gardez votre lien de suivi privé : c’est le seul moyen de retrouver votre récit.',
};

const en: StoryStrings = {
  title: 'Tell my experience',
  intro: 'Tell what happened during your procedure. Someone from the administration will read your story; with your consent, it may be published with their answer. No account needed.',
  textLabel: 'What happened?',
  textHint: 'In your own words: what you wanted to do, what happened, what you think of it.',
  textWarning: 'Do not write personal information: no name, address, phone, file or social security number. If you do, it will be masked before sending.',
  remaining: (n) => plural('en', n, { one: '{n} character left.', other: '{n} characters left.' }),
  over: (n) => plural('en', n, { one: '{n} character too many.', other: '{n} characters too many.' }),
  feelingLegend: 'Overall, your experience was:',
  feelings: { positive: 'Positive', negative: 'Negative', mixed: 'Mixed: some good, some less good' },
  channelLegend: 'How did you do this procedure?',
  channels: {
    online: 'Online, on the internet',
    phone: 'By phone',
    desk: 'In person, at a counter',
    'with-help': 'With someone’s help (someone close, an adviser, an association…)',
  },
  rulesTitle: 'How your story is published',
  rules: [
    'We remove what could identify you: names, addresses, e-mails, phone, file, social security or bank account numbers.',
    'Someone from the administration reads every story. They publish it, or refuse it if it breaks the charter (insults, off topic…).',
    'Once published, anyone can read your story on the internet, with the administration’s answer.',
    'No account to create: after sending, a private link lets you follow your story.',
  ],
  consentLabel: 'I agree that my story may be published under these rules',
  textEmpty: 'Write your story: this field is empty.',
  textTooLong: (n) => plural('en', n, { one: 'Your story is {n} character over 2,000. Shorten it.', other: 'Your story is {n} characters over 2,000. Shorten it.' }),
  maskedTooLong: (n) =>
    plural('en', n, {
      one: 'Once personal information is masked, your story is {n} character over 2,000. Shorten it.',
      other: 'Once personal information is masked, your story is {n} characters over 2,000. Shorten it.',
    }),
  tooLarge: 'Your story is too long to be sent. Shorten it.',
  feelingMissing: 'Choose how your experience went: “Positive”, “Negative” or “Mixed”.',
  channelMissing: 'Choose how you did this procedure.',
  consentMissing: 'Tick the box to accept the publication rules: without your consent, the story cannot be sent.',
  serverField: 'The service did not accept this answer:',
  serverRefused: 'The service refused your story:',
  check: 'Check my story before sending',
  checking: 'Checking…',
  maskingError: 'The personal information check could not be loaded. Check your internet connection, then try again.',
  previewTitle: 'Check your story before sending',
  previewMasked: (n) =>
    plural('en', n, {
      one: 'We masked {n} piece of personal information: it is replaced by a highlighted mention in square brackets.',
      other: 'We masked {n} pieces of personal information: they are replaced by highlighted mentions in square brackets.',
    }),
  previewNothing: 'We found no personal information. Read your story again: if it is published, it will be as it is.',
  previewTextLabel: 'Your story, as it will be sent',
  previewFeeling: 'Your experience',
  previewChannel: 'Procedure done',
  previewModeration: 'Someone from the administration will read it before any publication.',
  send: 'Send my story',
  sending: 'Sending…',
  edit: 'Edit my story',
  sentTitle: 'Thank you, your story has been sent.',
  sentText: 'Someone from the administration will read it. If it is published, it will be with the administration’s answer.',
  queuedTitle: 'Thank you, your story is saved on this device.',
  queuedText: 'It will be sent as soon as the connection is back. Your follow link will appear here; if you close the page, the help will give it to you on your next visit.',
  queuedTextKeepOpen: 'It will be sent as soon as the connection is back: keep this page open until then. Your follow link will appear here.',
  delayedText: 'It could not be sent for now: it will be sent again automatically. Your follow link will appear here; if you close the page, the help will give it to you on your next visit.',
  delayedTextKeepOpen: 'It could not be sent for now: it will be sent again automatically, keep this page open until then. Your follow link will appear here.',
  sentLater: 'Your story has been sent. Your follow link is shown.',
  rejectedTitle: 'Your story could not be sent.',
  rejectedText: 'The service refused it. It is not your fault: you can edit your story and try again.',
  followTitle: 'Your private follow link',
  followText: 'With this link you can see whether your story is published and read the administration’s answer. Keep it: it is the only way to find your story again. Do not share it.',
  followRemembered: 'This device remembers it: the help will tell you when you have an answer.',
  followLabel: 'Follow link',
  copy: 'Copy the link',
  copied: 'Link copied to the clipboard.',
  copyFailed: 'Automatic copying is not possible here: the link is selected, copy it (Ctrl+C, or a long press on a phone).',
  openFollow: 'Open my follow page, to print or keep it',
  newWindow: 'new window',
  followMissing: 'The follow link could not be shown. Your story did arrive.',
  yourStories: 'Your stories sent from this device',
  storyOf: (date) => `Story of ${date}`,
  statuses: { pending: 'waiting to be read', published: 'published', refused: 'not published', answered: 'the administration answered' },
  followThis: 'Follow this story',
  answerTitle: 'You have an answer',
  answerText: (n) => plural('en', n, { one: 'The administration answered your story.', other: 'The administration answered {n} of your stories.' }),
  readAnswer: 'Read the answer',
  sentNoticeTitle: 'Your story has been sent',
  sentNoticeText: 'It left when the connection came back. Keep your private follow link: it is the only way to find your story again.',
};

const ar: StoryStrings = {
  title: 'أروي تجربتي',
  intro: 'اروِ ما حدث أثناء إجرائك. سيقرأ شخص من الإدارة روايتك؛ وبموافقتك، يمكن نشرها مع رده. لا حاجة إلى حساب.',
  textLabel: 'ماذا حدث؟',
  textHint: 'بكلماتك: ما الذي أردت القيام به، وما الذي حدث، ورأيك في ذلك.',
  textWarning: 'لا تكتب معلومات شخصية: لا اسم ولا عنوان ولا رقم هاتف أو ملف أو ضمان اجتماعي. إن كتبتها، فستُحجب قبل الإرسال.',
  remaining: (n) => plural('ar', n, { zero: 'لم يتبق أي حرف.', one: 'يتبقى حرف واحد.', two: 'يتبقى حرفان.', few: 'تتبقى {n} أحرف.', other: 'يتبقى {n} حرفًا.' }),
  over: (n) => plural('ar', n, { one: 'لديك حرف واحد زائد.', two: 'لديك حرفان زائدان.', few: 'لديك {n} أحرف زائدة.', other: 'لديك {n} حرفًا زائدًا.' }),
  feelingLegend: 'بشكل عام، كانت تجربتك:',
  feelings: { positive: 'إيجابية', negative: 'سلبية', mixed: 'متباينة: فيها الجيد والأقل جودة' },
  channelLegend: 'كيف قمت بهذا الإجراء؟',
  channels: {
    online: 'عبر الإنترنت',
    phone: 'عبر الهاتف',
    desk: 'حضوريًا، في الشباك',
    'with-help': 'بمساعدة شخص ما (قريب، مستشار، جمعية…)',
  },
  rulesTitle: 'كيف تُنشر روايتك',
  rules: [
    'نحذف ما قد يكشف هويتك: الأسماء والعناوين والبريد الإلكتروني وأرقام الهاتف أو الملف أو الضمان الاجتماعي أو الحساب البنكي.',
    'يقرأ شخص من الإدارة كل رواية. فينشرها، أو يرفضها إن خالفت الميثاق (إساءة، خروج عن الموضوع…).',
    'بعد النشر، يمكن لأي شخص قراءة روايتك على الإنترنت، مع رد الإدارة.',
    'لا حاجة إلى إنشاء حساب: بعد الإرسال، يتيح لك رابط خاص متابعة روايتك.',
  ],
  consentLabel: 'أوافق على نشر روايتي وفق هذه القواعد',
  textEmpty: 'اكتب روايتك: هذا الحقل فارغ.',
  textTooLong: (n) => plural('ar', n, { one: 'تتجاوز روايتك 2000 حرف بحرف واحد. اختصرها.', two: 'تتجاوز روايتك 2000 حرف بحرفين. اختصرها.', few: 'تتجاوز روايتك 2000 حرف بـ {n} أحرف. اختصرها.', other: 'تتجاوز روايتك 2000 حرف بـ {n} حرفًا. اختصرها.' }),
  maskedTooLong: (n) =>
    plural('ar', n, {
      one: 'بعد حجب المعلومات الشخصية، تتجاوز روايتك 2000 حرف بحرف واحد. اختصرها.',
      two: 'بعد حجب المعلومات الشخصية، تتجاوز روايتك 2000 حرف بحرفين. اختصرها.',
      few: 'بعد حجب المعلومات الشخصية، تتجاوز روايتك 2000 حرف بـ {n} أحرف. اختصرها.',
      other: 'بعد حجب المعلومات الشخصية، تتجاوز روايتك 2000 حرف بـ {n} حرفًا. اختصرها.',
    }),
  tooLarge: 'روايتك أطول من أن تُرسل. اختصرها.',
  feelingMissing: 'اختر كيف كانت تجربتك: «إيجابية» أو «سلبية» أو «متباينة».',
  channelMissing: 'اختر كيف قمت بهذا الإجراء.',
  consentMissing: 'ضع علامة في المربع لقبول قواعد النشر: دون موافقتك، لا يمكن إرسال الرواية.',
  serverField: 'لم تقبل الخدمة هذه الإجابة:',
  serverRefused: 'رفضت الخدمة روايتك:',
  check: 'التحقق من روايتي قبل الإرسال',
  checking: 'جارٍ التحقق…',
  maskingError: 'تعذر تحميل التحقق من المعلومات الشخصية. تحقق من اتصالك بالإنترنت، ثم أعد المحاولة.',
  previewTitle: 'تحقق من روايتك قبل الإرسال',
  previewMasked: (n) =>
    plural('ar', n, {
      one: 'حجبنا معلومة شخصية واحدة: استُبدلت بإشارة بين قوسين معقوفين، مظللة.',
      two: 'حجبنا معلومتين شخصيتين: استُبدلتا بإشارتين بين قوسين معقوفين، مظللتين.',
      few: 'حجبنا {n} معلومات شخصية: استُبدلت بإشارات بين أقواس معقوفة، مظللة.',
      other: 'حجبنا {n} معلومة شخصية: استُبدلت بإشارات بين أقواس معقوفة، مظللة.',
    }),
  previewNothing: 'لم نجد أي معلومة شخصية. أعد قراءة روايتك: إن نُشرت، فستكون كما هي.',
  previewTextLabel: 'روايتك كما ستُرسل',
  previewFeeling: 'تجربتك',
  previewChannel: 'طريقة الإجراء',
  previewModeration: 'سيقرؤها شخص من الإدارة قبل أي نشر.',
  send: 'إرسال روايتي',
  sending: 'جارٍ الإرسال…',
  edit: 'تعديل روايتي',
  sentTitle: 'شكرًا، تم إرسال روايتك.',
  sentText: 'سيقرؤها شخص من الإدارة. إن نُشرت، فستكون مع رد الإدارة.',
  queuedTitle: 'شكرًا، حُفظت روايتك على هذا الجهاز.',
  queuedText: 'ستُرسل فور عودة الاتصال. سيظهر رابط المتابعة هنا؛ وإن أغلقت الصفحة، ستعطيك المساعدة إياه في زيارتك القادمة.',
  queuedTextKeepOpen: 'ستُرسل فور عودة الاتصال: أبقِ هذه الصفحة مفتوحة حتى ذلك الحين. سيظهر رابط المتابعة هنا.',
  delayedText: 'تعذر إرسالها حاليًا: ستُعاد محاولة إرسالها تلقائيًا. سيظهر رابط المتابعة هنا؛ وإن أغلقت الصفحة، ستعطيك المساعدة إياه في زيارتك القادمة.',
  delayedTextKeepOpen: 'تعذر إرسالها حاليًا: ستُعاد محاولة إرسالها تلقائيًا، أبقِ هذه الصفحة مفتوحة حتى ذلك الحين. سيظهر رابط المتابعة هنا.',
  sentLater: 'تم إرسال روايتك. رابط المتابعة معروض.',
  rejectedTitle: 'تعذر إرسال روايتك.',
  rejectedText: 'رفضتها الخدمة. ليس ذلك خطأك: يمكنك تعديل روايتك وإعادة المحاولة.',
  followTitle: 'رابط المتابعة الخاص بك',
  followText: 'بهذا الرابط يمكنك معرفة ما إذا نُشرت روايتك وقراءة رد الإدارة. احتفظ به: إنه الطريقة الوحيدة للعثور على روايتك. لا تشاركه.',
  followRemembered: 'يتذكره هذا الجهاز: ستخبرك المساعدة عندما يصلك رد.',
  followLabel: 'رابط المتابعة',
  copy: 'نسخ الرابط',
  copied: 'تم نسخ الرابط.',
  copyFailed: 'النسخ التلقائي غير ممكن هنا: الرابط محدد، انسخه (Ctrl+C، أو ضغطة طويلة على الهاتف).',
  openFollow: 'فتح صفحة المتابعة، لطباعتها أو الاحتفاظ بها',
  newWindow: 'نافذة جديدة',
  followMissing: 'تعذر عرض رابط المتابعة. وصلت روايتك بالفعل.',
  yourStories: 'رواياتك المرسلة من هذا الجهاز',
  storyOf: (date) => `رواية بتاريخ ${date}`,
  statuses: { pending: 'في انتظار القراءة', published: 'منشورة', refused: 'غير منشورة', answered: 'ردت الإدارة' },
  followThis: 'متابعة هذه الرواية',
  answerTitle: 'لديك رد',
  answerText: (n) => plural('ar', n, { one: 'ردت الإدارة على روايتك.', two: 'ردت الإدارة على روايتين من رواياتك.', few: 'ردت الإدارة على {n} من رواياتك.', other: 'ردت الإدارة على {n} من رواياتك.' }),
  readAnswer: 'قراءة الرد',
  sentNoticeTitle: 'تم إرسال روايتك',
  sentNoticeText: 'أُرسلت عند عودة الاتصال. احتفظ برابط المتابعة الخاص بك: إنه الطريقة الوحيدة للعثور على روايتك.',
};

export const storyStrings: Catalogues<StoryStrings> = { fr, en, ar };
