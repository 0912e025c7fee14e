/**
 * The front matter's schema (JSON Schema, checked by ajv), and its errors in plain French at the line and column
 * of the YAML value they are about.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { isMap, isScalar, type Document, type Node } from 'yaml';
import { LEVELS, THEMES } from '@aide/walkthrough/format';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });

const FRONT_MATTER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'summary', 'theme', 'level', 'duration', 'updated'],
  properties: {
    title: text(90),
    summary: text(300),
    theme: { enum: [...THEMES] },
    level: { enum: [...LEVELS] },
    duration: { type: 'integer', minimum: 1, maximum: 240 },
    prerequisites: { type: 'array', items: text(200) },
    procedures: { type: 'array', items: { type: 'string', pattern: '^([a-z0-9][a-z0-9._-]{0,63}|https://[^\\s]+)$' } },
    updated: { type: 'string', format: 'date' },
    checked: { type: 'string', format: 'date' },
    sources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'url'],
        properties: { title: text(160), url: { type: 'string', format: 'uri', pattern: '^https://' } },
      },
    },
    tags: { type: 'array', items: text(40), uniqueItems: true },
    glossary: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['term', 'definition'],
        properties: { term: text(60), definition: text(400) },
      },
    },
    links: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'url'],
        properties: { title: text(120), url: { type: 'string', format: 'uri', pattern: '^https://' } },
      },
    },
  },
} as const;

const FIELD_HELP: Record<string, string> = {
  title: 'un titre court, à l’infinitif, par exemple « Créer une adresse e-mail »',
  summary: 'une ou deux phrases qui disent ce que la personne saura faire',
  theme: `un de ces thèmes : ${THEMES.join(', ')}`,
  level: 'débutant ou intermédiaire',
  duration: 'une durée en minutes, un nombre entier, par exemple 15',
  prerequisites: 'une liste, chaque élément sur une ligne qui commence par « - »',
  procedures: 'une liste d’identifiants en minuscules (declaration-revenus) ou d’adresses https://… (avec * pour « n’importe quelle suite »)',
  updated: 'une date au format AAAA-MM-JJ, par exemple 2026-04-10',
  checked: 'la date de la dernière vérification auprès des sources, au format AAAA-MM-JJ',
  sources: 'une liste d’entrées « - title: … » et « url: https://… » : les pages officielles qui ont servi à vérifier le contenu',
  tags: 'une liste de mots-clés, sans doublon',
  glossary: 'une liste d’entrées « - term: … » et « definition: … »',
  links: 'une liste d’entrées « - title: … » et « url: https://… »',
};

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(data: unknown): ErrorObject[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv, ['date', 'uri']);
    validator = ajv.compile(FRONT_MATTER_SCHEMA);
  }
  return validator(data) ? [] : (validator.errors ?? []);
}

export interface SchemaProblem {
  /** Offset within the front matter text. */
  offset: number;
  message: string;
  fix: string;
}

function nodeAt(document: Document, path: (string | number)[]): Node | null {
  const node = document.getIn(path, true);
  return node && typeof node === 'object' && 'range' in node ? (node as Node) : null;
}

function keyOffset(document: Document, path: (string | number)[], key: string): number | null {
  const parent = path.length ? document.getIn(path, true) : document.contents;
  if (!isMap(parent)) return null;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.key) ? (pair.key.range?.[0] ?? null) : null;
}

/** Schema problems of a front matter, each at the offset of the value (or key) concerned. */
export function checkFrontMatter(data: unknown, document: Document): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const error of validate(data)) {
    const path = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const field = String(path[0] ?? '');
    const help = FIELD_HELP[field] ?? '';
    const at = nodeAt(document, path)?.range?.[0] ?? 0;
    switch (error.keyword) {
      case 'required': {
        const missing = (error.params as { missingProperty: string }).missingProperty;
        const where = path.length ? (nodeAt(document, path)?.range?.[0] ?? 0) : 0;
        problems.push({ offset: where, message: `Le champ « ${missing} » manque${path.length ? ` dans ${field}` : ''}.`, fix: `Ajoutez « ${missing}: … » : ${FIELD_HELP[missing] ?? 'voir tutorials/README.md'}.` });
        break;
      }
      case 'additionalProperties': {
        const extra = (error.params as { additionalProperty: string }).additionalProperty;
        problems.push({
          offset: keyOffset(document, path, extra) ?? at,
          message: `Le champ « ${extra} » n’est pas connu.`,
          fix: `Vérifiez l’orthographe. Les champs possibles sont : ${Object.keys(path.length ? ((FRONT_MATTER_SCHEMA.properties[field as 'glossary'] as { items?: { properties?: object } } | undefined)?.items?.properties ?? {}) : FRONT_MATTER_SCHEMA.properties).join(', ')}.`,
        });
        break;
      }
      case 'enum':
        problems.push({ offset: at, message: `« ${field} » n’a pas une valeur permise.`, fix: `Écrivez ${help}.` });
        break;
      case 'format':
      case 'pattern':
      case 'type':
      case 'minLength':
      case 'maxLength':
      case 'minimum':
      case 'maximum':
      case 'uniqueItems':
      case 'minItems':
        problems.push({
          offset: at,
          message:
            error.keyword === 'maxLength'
              ? `« ${field} » est trop long (${(error.params as { limit: number }).limit} caractères au plus).`
              : error.keyword === 'minLength' || error.keyword === 'minItems'
                ? `« ${field} » est vide.`
                : error.keyword === 'uniqueItems'
                  ? `« ${field} » contient un doublon.`
                  : (field === 'links' || field === 'sources') && error.keyword === 'pattern'
                    ? `Une adresse de « ${field} » doit être une adresse sécurisée https://.`
                    : `« ${field} » n’a pas la bonne forme.`,
          fix: `Attendu : ${help}.`,
        });
        break;
      default:
        problems.push({ offset: at, message: `« ${field} » n’a pas une valeur acceptée.`, fix: `Attendu : ${help}.` });
    }
  }
  return problems;
}
