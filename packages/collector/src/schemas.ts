/**
 * Request schemas (JSON Schema, validated by Fastify's ajv). The contract is in the README: the browser form sends
 * exactly this, and anything else is refused with the field errors.
 */
export const SATISFACTION = ['bad', 'medium', 'good'] as const;
export const DIFFICULTIES = ['info-before', 'not-working', 'attachments', 'info-after', 'other'] as const;
export const HELP = ['counter', 'phone', 'email', 'chat', 'relative', 'association', 'websites', 'other', 'none'] as const;

/** The words agents read for each answer (dashboard, indicators, exports). */
export const DIFFICULTY_LABELS: Record<(typeof DIFFICULTIES)[number], string> = {
  'info-before': 'Manque d’informations avant de commencer',
  'not-working': 'La démarche n’a pas fonctionné',
  attachments: 'Difficulté à joindre les pièces justificatives',
  'info-after': 'Manque d’informations sur la suite',
  other: 'Autre difficulté',
};
export const HELP_LABELS: Record<(typeof HELP)[number], string> = {
  counter: 'Guichet',
  phone: 'Téléphone',
  email: 'E-mail',
  chat: 'Chat',
  relative: 'Une personne proche',
  association: 'Une association',
  websites: 'Des sites internet',
  other: 'Autre aide',
  none: 'Pas eu besoin d’aide',
};

/** Text without NUL characters (PostgreSQL cannot store them, and no person types them). */
const NO_NUL = '^[^\\u0000]*$';

const procedure = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]*$' } as const;
/** The same rule as a regular expression, for the pages' addresses and the agents' forms. */
export const PROCEDURE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const slug = { type: 'string', minLength: 1, maxLength: 80, pattern: '^[a-z0-9-]+$' } as const;

export const feedbackBody = {
  type: 'object',
  additionalProperties: false,
  required: ['procedure', 'satisfaction'],
  properties: {
    procedure,
    pageStep: { type: 'string', minLength: 1, maxLength: 80, pattern: NO_NUL },
    tutorial: slug,
    tutorialStep: { type: 'integer', minimum: 1, maximum: 100 },
    satisfaction: { type: 'string', enum: SATISFACTION },
    clarity: { type: 'integer', minimum: 1, maximum: 5 },
    difficulties: { type: 'array', uniqueItems: true, maxItems: DIFFICULTIES.length, items: { type: 'string', enum: DIFFICULTIES } },
    help: {
      type: 'array',
      uniqueItems: true,
      maxItems: HELP.length,
      items: { type: 'string', enum: HELP },
      // "Je n'ai pas eu besoin d'aide" excludes every other answer.
      if: { contains: { const: 'none' } },
      then: { maxItems: 1 },
    },
    comment: { type: 'string', maxLength: 1000, pattern: NO_NUL },
    locale: { type: 'string', enum: ['fr', 'en', 'ar'] },
    // maxLength: the column's size (varchar(40)); ISO dates are 24 to 29 characters.
    clientCreatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
} as const;

export const blockedBody = {
  type: 'object',
  additionalProperties: false,
  required: ['tutorial', 'step'],
  properties: { tutorial: slug, step: { type: 'integer', minimum: 1, maximum: 100 }, procedure },
} as const;

export const statsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    procedure,
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
  },
} as const;

export const publicStatsQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['procedure'],
  properties: { procedure },
} as const;

export const FEELINGS = ['positive', 'negative', 'mixed'] as const;
export const CHANNELS = ['online', 'phone', 'desk', 'with-help'] as const;
/** A story: at most 2,000 characters once trimmed (checked by the route; the schema leaves room for the spaces). */
export const STORY_MAX_CHARACTERS = 2000;

export const storyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['procedure', 'text', 'feeling', 'channel', 'consent'],
  properties: {
    procedure,
    step: { type: 'string', minLength: 1, maxLength: 80, pattern: NO_NUL },
    text: { type: 'string', minLength: 1, maxLength: STORY_MAX_CHARACTERS + 200, pattern: NO_NUL },
    feeling: { type: 'string', enum: FEELINGS },
    channel: { type: 'string', enum: CHANNELS },
    consent: { const: true },
    locale: { type: 'string', enum: ['fr', 'en', 'ar'] },
    clientCreatedAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
} as const;

export interface StoryBody {
  procedure: string;
  step?: string;
  text: string;
  feeling: (typeof FEELINGS)[number];
  channel: (typeof CHANNELS)[number];
  consent: true;
  locale?: 'fr' | 'en' | 'ar';
  clientCreatedAt?: string;
}

export const experiencesQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['procedure'],
  properties: {
    procedure,
    page: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' },
    feeling: { type: 'string', enum: FEELINGS },
  },
} as const;

export interface FeedbackBody {
  procedure: string;
  pageStep?: string;
  tutorial?: string;
  tutorialStep?: number;
  satisfaction: (typeof SATISFACTION)[number];
  clarity?: number;
  difficulties?: (typeof DIFFICULTIES)[number][];
  help?: (typeof HELP)[number][];
  comment?: string;
  locale?: 'fr' | 'en' | 'ar';
  clientCreatedAt?: string;
}

export interface BlockedBody {
  tutorial: string;
  step: number;
  procedure?: string;
}

export interface StatsQuery {
  procedure?: string;
  from?: string;
  to?: string;
}
