/** <aide-experiences>: every string of the published stories list, in the three locales of the widget. */
import { type Catalogues, type Locale, formatNumber, plural } from '@aide/core';

export type Feeling = 'positive' | 'negative' | 'mixed';
export type Channel = 'online' | 'phone' | 'desk' | 'with-help';

export interface ExperiencesStrings {
  title: string;
  intro: string;
  figures: string;
  published: (n: number) => string;
  answeredShare: (share: number) => string;
  medianDelay: (hours: number) => string;
  noAnswerYet: string;
  filterLabel: string;
  allFeelings: string;
  feelingOptions: Record<Feeling, string>;
  filter: string;
  loading: string;
  loadingMore: string;
  count: (n: number, feeling: string | null) => string;
  more: string;
  moreLoaded: (added: number, shown: number, total: number) => string;
  empty: string;
  emptyFiltered: (feeling: string) => string;
  /** A story's heading: how it felt and when it was published (`date` in words), one sentence in the locale's punctuation. */
  storyTitle: (feeling: Feeling, date: string) => string;
  channels: Record<Channel, string>;
  answerFrom: (service: string) => string;
  answeredOn: (date: string) => string;
  notAnswered: string;
  retry: string;
  publicPage: string;
  feed: string;
  failed: string;
}

const duration = (locale: Locale, hours: number, unitHours: (n: string) => string, days: (n: number) => string) =>
  hours < 48 ? unitHours(formatNumber(locale, hours, { maximumFractionDigits: 1 })) : days(Math.round(hours / 24));

const fr: ExperiencesStrings = {
  title: 'Expériences des usagers',
  intro:
    'Des personnes racontent comment s’est passée leur démarche ; l’administration leur répond publiquement. Les récits sont relus avant publication et les données personnelles en sont retirées.',
  figures: 'En chiffres, pour cette démarche',
  published: (n) => plural('fr', n, { one: '{n} expérience publiée', other: '{n} expériences publiées' }),
  answeredShare: (share) => `${formatNumber('fr', Math.round(share * 100))} % avec une réponse de l’administration`,
  medianDelay: (h) =>
    `Délai médian de réponse : ${duration('fr', h, (n) => `${n} h`, (d) => plural('fr', d, { one: '{n} jour', other: '{n} jours' }))}`,
  noAnswerYet: 'Délai médian de réponse : pas encore de réponse',
  filterLabel: 'Ressenti',
  allFeelings: 'Tous les ressentis',
  feelingOptions: { positive: 'Positive', negative: 'Négative', mixed: 'Mitigée' },
  filter: 'Afficher',
  loading: 'Chargement des expériences…',
  loadingMore: 'Chargement d’autres expériences…',
  count: (n, feeling) =>
    plural('fr', n, {
      one: `{n} expérience${feeling ? ` au ressenti « ${feeling.toLowerCase()} »` : ''}, la plus récente d’abord.`,
      other: `{n} expériences${feeling ? ` au ressenti « ${feeling.toLowerCase()} »` : ''}, les plus récentes d’abord.`,
    }),
  more: 'Voir plus d’expériences',
  moreLoaded: (added, shown, total) =>
    `${plural('fr', added, { one: '{n} expérience de plus', other: '{n} expériences de plus' })} : ${formatNumber('fr', shown)} sur ${formatNumber('fr', total)} affichées.`,
  empty: 'Aucune expérience n’a encore été publiée pour cette démarche.',
  emptyFiltered: (feeling) => `Aucune expérience au ressenti « ${feeling.toLowerCase()} » n’a encore été publiée pour cette démarche.`,
  storyTitle: (feeling, date) => `${{ positive: 'Expérience positive', negative: 'Expérience négative', mixed: 'Expérience mitigée' }[feeling]}, publiée le ${date}`,
  channels: {
    online: 'Démarche faite en ligne.',
    phone: 'Démarche faite par téléphone.',
    desk: 'Démarche faite à un guichet.',
    'with-help': 'Démarche faite avec l’aide de quelqu’un.',
  },
  answerFrom: (service) => `Réponse de ${service}`,
  answeredOn: (date) => `Répondu le ${date}`,
  notAnswered: 'L’administration n’a pas encore répondu.',
  retry: 'Réessayer',
  publicPage: 'Toutes les expériences sur la page publique',
  feed: 'Suivre les nouvelles expériences (flux Atom)',
  failed: 'Les expériences n’ont pas pu être affichées.',
};

const en: ExperiencesStrings = {
  title: 'People’s experiences',
  intro:
    'People tell how their procedure went; the administration answers them in public. Stories are read before they are published and personal data is removed from them.',
  figures: 'In figures, for this procedure',
  published: (n) => plural('en', n, { one: '{n} published experience', other: '{n} published experiences' }),
  answeredShare: (share) => `${formatNumber('en', Math.round(share * 100))}% answered by the administration`,
  medianDelay: (h) =>
    `Median time to answer: ${duration('en', h, (n) => `${n} h`, (d) => plural('en', d, { one: '{n} day', other: '{n} days' }))}`,
  noAnswerYet: 'Median time to answer: no answer yet',
  filterLabel: 'Feeling',
  allFeelings: 'All feelings',
  feelingOptions: { positive: 'Positive', negative: 'Negative', mixed: 'Mixed' },
  filter: 'Show',
  loading: 'Loading experiences…',
  loadingMore: 'Loading more experiences…',
  count: (n, feeling) =>
    plural('en', n, {
      one: `{n} ${feeling ? `${feeling.toLowerCase()} ` : ''}experience, newest first.`,
      other: `{n} ${feeling ? `${feeling.toLowerCase()} ` : ''}experiences, newest first.`,
    }),
  more: 'Show more experiences',
  moreLoaded: (added, shown, total) =>
    `${plural('en', added, { one: '{n} more experience', other: '{n} more experiences' })}: ${formatNumber('en', shown)} of ${formatNumber('en', total)} shown.`,
  empty: 'No experience has been published for this procedure yet.',
  emptyFiltered: (feeling) => `No ${feeling.toLowerCase()} experience has been published for this procedure yet.`,
  storyTitle: (feeling, date) => `${{ positive: 'Positive experience', negative: 'Negative experience', mixed: 'Mixed experience' }[feeling]}, published on ${date}`,
  channels: {
    online: 'Done online.',
    phone: 'Done by phone.',
    desk: 'Done at a desk.',
    'with-help': 'Done with someone’s help.',
  },
  answerFrom: (service) => `Answer from ${service}`,
  answeredOn: (date) => `Answered on ${date}`,
  notAnswered: 'The administration has not answered yet.',
  retry: 'Try again',
  publicPage: 'All experiences on the public page',
  feed: 'Follow new experiences (Atom feed)',
  failed: 'The experiences could not be shown.',
};

const ar: ExperiencesStrings = {
  title: 'تجارب المستخدمين',
  intro: 'يروي الناس كيف جرى إجراؤهم، وترد عليهم الإدارة علنًا. تُقرأ الروايات قبل نشرها وتُحذف منها البيانات الشخصية.',
  figures: 'بالأرقام، لهذا الإجراء',
  published: (n) => plural('ar', n, { one: 'تجربة منشورة واحدة', two: 'تجربتان منشورتان', few: '{n} تجارب منشورة', other: '{n} تجربة منشورة' }),
  answeredShare: (share) => `${formatNumber('ar', Math.round(share * 100))}٪ منها تلقت ردًا من الإدارة`,
  medianDelay: (h) => `المدة الوسيطة للرد: ${duration('ar', h, (n) => `${n} ساعة`, (d) => plural('ar', d, { one: 'يوم واحد', two: 'يومان', few: '{n} أيام', other: '{n} يومًا' }))}`,
  noAnswerYet: 'المدة الوسيطة للرد: لا يوجد رد بعد',
  filterLabel: 'الانطباع',
  allFeelings: 'كل الانطباعات',
  feelingOptions: { positive: 'إيجابية', negative: 'سلبية', mixed: 'متباينة' },
  filter: 'عرض',
  loading: 'جارٍ تحميل التجارب…',
  loadingMore: 'جارٍ تحميل تجارب أخرى…',
  count: (n, feeling) => `${plural('ar', n, { one: 'تجربة واحدة', two: 'تجربتان', few: '{n} تجارب', other: '{n} تجربة' })}${feeling ? ` (${feeling})` : ''}، الأحدث أولًا.`,
  more: 'عرض مزيد من التجارب',
  moreLoaded: (added, shown, total) => `${plural('ar', added, { one: 'تجربة إضافية', two: 'تجربتان إضافيتان', few: '{n} تجارب إضافية', other: '{n} تجربة إضافية' })}: ${formatNumber('ar', shown)} من ${formatNumber('ar', total)} معروضة.`,
  empty: 'لم تُنشر أي تجربة لهذا الإجراء بعد.',
  emptyFiltered: (feeling) => `لم تُنشر أي تجربة ${feeling} لهذا الإجراء بعد.`,
  storyTitle: (feeling, date) => `${{ positive: 'تجربة إيجابية', negative: 'تجربة سلبية', mixed: 'تجربة متباينة' }[feeling]}، نُشرت في ${date}`,
  channels: {
    online: 'تم الإجراء عبر الإنترنت.',
    phone: 'تم الإجراء عبر الهاتف.',
    desk: 'تم الإجراء في شباك الاستقبال.',
    'with-help': 'تم الإجراء بمساعدة شخص ما.',
  },
  answerFrom: (service) => `رد ${service}`,
  answeredOn: (date) => `تاريخ الرد ${date}`,
  notAnswered: 'لم ترد الإدارة بعد.',
  retry: 'إعادة المحاولة',
  publicPage: 'كل التجارب على الصفحة العامة',
  feed: 'متابعة التجارب الجديدة (موجز Atom)',
  failed: 'تعذر عرض التجارب.',
};

export const experiencesStrings: Catalogues<ExperiencesStrings> = { fr, en, ar };
