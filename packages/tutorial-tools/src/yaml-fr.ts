/**
 * The YAML library's errors, said in French for editors: what is wrong and how to fix it, from the error's code
 * (the library's English message is never shown).
 */
import type { YAMLError } from 'yaml';

const MESSAGES: Record<string, [message: string, fix: string]> = {
  BAD_INDENT: ['Le décalage (indentation) de cette ligne ne correspond pas à celui de la ligne précédente.', 'Alignez les éléments d’une liste : même nombre d’espaces devant chaque « - », deux espaces de plus que le champ.'],
  TAB_AS_INDENT: ['Une tabulation est utilisée pour décaler la ligne.', 'Remplacez la tabulation par des espaces (deux espaces par niveau).'],
  BLOCK_AS_IMPLICIT_KEY: ['Un champ semble commencer au milieu d’une valeur.', 'Vérifiez qu’il y a un seul « nom: valeur » par ligne, et mettez entre guillemets une valeur qui contient « : ».'],
  MULTILINE_IMPLICIT_KEY: ['Un nom de champ s’étend sur plusieurs lignes.', 'Écrivez « nom: valeur » sur une seule ligne ; mettez entre guillemets une valeur qui contient « : ».'],
  DUPLICATE_KEY: ['Ce champ est écrit deux fois.', 'Gardez un seul exemplaire du champ et supprimez l’autre.'],
  MISSING_CHAR: ['Un caractère fermant manque (guillemet, crochet « ] » ou accolade « } »).', 'Fermez le guillemet ou le crochet ouvert sur cette ligne.'],
  UNEXPECTED_TOKEN: ['Un caractère inattendu est dans l’en-tête.', 'Vérifiez les deux-points après chaque nom de champ et mettez entre guillemets une valeur qui commence par « [ », « { », « * », « & », « ! », « | », « > », « @ » ou « ` ».'],
  BAD_SCALAR_START: ['Une valeur commence par un caractère réservé.', 'Mettez la valeur entre guillemets, par exemple « title: "@ANTS : demander un titre" ».'],
  BAD_DQ_ESCAPE: ['Une barre oblique inverse « \\ » est mal placée entre guillemets.', 'Doublez-la (« \\\\ ») ou utilisez des guillemets simples.'],
  MULTIPLE_DOCS: ['L’en-tête contient une ligne « --- » de trop.', 'Gardez une ligne « --- » au début et une à la fin de l’en-tête, pas plus.'],
  BAD_ALIAS: ['Un « * » en début de valeur est lu comme un renvoi.', 'Mettez la valeur entre guillemets.'],
  BLOCK_IN_FLOW: ['Une liste sur plusieurs lignes est écrite à l’intérieur de crochets.', 'Écrivez la liste soit entre crochets sur une ligne ([a, b]), soit un élément par ligne avec « - ».'],
  NON_STRING_KEY: ['Un nom de champ n’est pas un simple mot.', 'Écrivez les noms de champ en minuscules, suivis de deux-points : « title: ».'],
  KEY_OVER_1024_CHARS: ['Un nom de champ est beaucoup trop long.', 'Vérifiez qu’il ne manque pas les deux-points après le nom du champ.'],
};

const FALLBACK: [string, string] = [
  'L’en-tête n’est pas du YAML valide.',
  'Vérifiez les deux-points après chaque nom de champ, l’indentation des listes (« - ») et les guillemets.',
];

export function yamlErrorInFrench(error: Pick<YAMLError, 'code'>): { message: string; fix: string } {
  const [message, fix] = MESSAGES[error.code] ?? FALLBACK;
  return { message: `En-tête : ${message.charAt(0).toLowerCase()}${message.slice(1)}`, fix };
}
