/**
 * Every regular expression of the library, in one place, so that one test can prove them all free of
 * super-linear backtracking (test/regex-safety.test.ts) and of syntax that old browsers lack.
 *
 * Rules they follow, for linear time on hostile input:
 * - every repetition is bounded ({0,40}), so one attempt costs a constant however long the input;
 * - no two ways to match the same characters (separators are single, optional parts are told apart by
 *   their first character);
 * - no lookbehind: Safari before 16.4 (iOS 14, still on old phones) throws on it at parse time. Left word
 *   boundaries are checked in code instead (`startsWord` in scan.ts). `\b` is never used: it is ASCII-only.
 */
const r = String.raw;

/** Spaces people type inside numbers, no-break spaces included. */
const SP = r`[ \u00A0\u202F]`;
/** One separator inside a number: one or two spaces, or one dot, dash or slash with a space around it or not. */
const SEP = r`(?:${SP}{1,2}|${SP}?[.\-/\u2010-\u2014]${SP}?)`;
/** A separator inside a grouped identifier (IBAN, card, SIRET): one space or dash. */
const GSEP = r`[ \u00A0\u202F\-]`;
/** Numéro / n° / no / num., not « nom » nor « numérique ». */
const NUM = r`(?:(?:num[ée]ro|num|no|nr)(?![\p{L}])\.?|n${SP}?[°º])`;
/** Apostrophes as typed on computers and phones. */
const APOS = `['’]`;
/** Words and signs between a cue and its value: « numéro allocataire : », « c'est le », « est le n° ». */
const FILLER = r`(?:${SP}|[:=#\-–—]|${NUM}|est(?![\p{L}])|c(?:${APOS}${SP}?|${SP})?est(?![\p{L}])|[ée]tait|le(?![\p{L}])|mon(?![\p{L}])|ma(?![\p{L}]))`;
/** A value given after a cue: letters, digits and single separators, trimmed in code to where it really ends. */
const VALUE = r`([A-Za-z0-9](?:[ \u00A0.\-/]?[A-Za-z0-9]){1,39})`;

// ---- e-mail addresses ----

const LOCAL_CHARS = r`[\p{L}\p{N}_%+\-]`;
/** local@domain, with « jean point dupont », « arobase », « (at) », « [dot] », spaces around @ and a comma for a dot. */
export const EMAIL = new RegExp(
  r`${LOCAL_CHARS}{1,64}(?:(?:\.|${SP}(?:point|dot)${SP}|${SP}?(?:tiret|underscore)${SP}?)${LOCAL_CHARS}{1,64}){0,4}` +
    r`(${SP}?[@＠]${SP}?|${SP}?[(\[{]${SP}?(?:at|arobase|arobas)${SP}?[)\]}]${SP}?|${SP}(?:arobase|arobas|arrobase|at)${SP})` +
    r`[\p{L}\p{N}\-]{1,63}((?:(?:\.|${SP}\.${SP}|${SP}(?:point|dot)${SP}|${SP}?[(\[{]${SP}?(?:dot|point)${SP}?[)\]}]${SP}?|,(?=(?:com|fr|net|org)(?![\p{L}])))[\p{L}\p{N}\-]{1,63}){0,5})`,
  'giu',
);

/** What every e-mail address holds, plain or spelled out: the e-mail pattern only runs around one of these. */
export const AT_MARKER = /[@＠]|arr?obas|\(at\)|\[at\]|\{at\}| at /giu;

// ---- phone numbers ----

/**
 * French national notation: 0 + 9 digits, contiguous or grouped 2-2-2-2-2, 4-2-2-2, 4-3-3, 1-3-3-3, 2-4-4. One
 * separator throughout (group 1, repeated by \1): a date, a time (« 06.12.2024 10 ») or a list of dates
 * (« 15/11/22 - 13/12/22 ») never reads as a number.
 */
export const PHONE_FR = new RegExp(
  r`0(?:[1-9]\d{8}|[1-9](${SEP})\d\d(?:\1\d\d){3}|[1-9]\d\d(${SEP})\d\d(?:\2\d\d){2}|[1-9]\d\d(${SEP})\d{3}\3\d{3}|${SP}[1-9]\d\d(${SEP})\d{3}\4\d{3}|[1-9](${SEP})\d{4}\5\d{4})(?!\d)`,
  'gu',
);
/** +33 / 0033 / (+33) (0)6…: any grouping after the country code, with or without the trunk 0. */
export const PHONE_FR_INTL = new RegExp(
  r`\(?(?:\+|00)${SP}?33\)?${SEP}?(?:\(0\)${SP}?|0${SEP}?)?[1-9](?:${SEP}?\d){8}(?!\d)`,
  'gu',
);
/** Other international numbers (overseas +262, +590…, Belgium, Morocco…): + or 00, country code, 6 to 12 digits. */
export const PHONE_INTL = new RegExp(
  r`\(?(?:\+|00)${SP}?(?!33)[1-9]\d{0,2}\)?(?:${SP}?\(0\))?(?:${SEP}?\d){6,12}(?!\d)`,
  'gu',
);
/** « tél : 06 12 34 56 7 », « joignable au… »: a number after a phone cue, even mistyped. */
export const PHONE_CUE = new RegExp(
  r`(?:t[ée]l[ée]phone|t[ée]l|portable|mobile|gsm|fixe|whatsapp|joignable|joindre|rappel(?:er|ez)|appel(?:er|ez)|contacter)` +
    r`(?:${SP}?-?${SP}?moi)?(?:${FILLER}|au(?![\p{L}])|perso(?:nnel)?(?![\p{L}])){0,10}(\+?\d(?:${SEP}?\d){5,10})(?!\d)`,
  'giu',
);

// ---- numbers with a check key or a fixed structure ----

/** NIR: 1 85 05 78 006 084 36, Corsica 2A/2B, any separators, key optional (checked in code). */
export const NIR = new RegExp(
  r`[1-478](?:${SEP}?\d){4}${SEP}?(?:\d${SEP}?\d|2${SEP}?[ABab])(?:${SEP}?\d){6}(?:${SEP}?\d){0,2}(?!\d)`,
  'gu',
);
/** Numéro fiscal: 13 digits starting 0–3, contiguous or grouped 2-2-3-3-3 as printed on the avis d'impôt. */
export const TAX_NUMBER = new RegExp(r`[0-3](?:\d{12}|\d${SEP}\d\d${SEP}\d{3}${SEP}\d{3}${SEP}\d{3})(?!\d)`, 'gu');
/** IBAN: country, check digits, then contiguous or in groups (length and checksum verified in code). */
export const IBAN = new RegExp(
  r`[A-Za-z]{2}\d\d(?:${GSEP}?[A-Za-z0-9]{1,11}(?:${GSEP}[A-Za-z0-9]{1,11}){1,9}|[A-Za-z0-9]{8,30})`,
  'gu',
);
/** French RIB: bank 5, branch 5, account 11, key 2 (« 30006 00001 12345678901 89 »). */
export const RIB = new RegExp(r`\d{5}${GSEP}\d{5}${GSEP}[A-Za-z0-9]{11}${GSEP}\d\d(?!\d)`, 'gu');
/** Payment cards: 16 digits in fours, or American Express 4-6-5 (Luhn verified in code). */
export const PAYMENT_CARD = new RegExp(
  r`[2-6]\d{3}(?:${GSEP}?\d{4}){3}(?!\d)|3[47]\d\d${GSEP}?\d{6}${GSEP}?\d{5}(?!\d)`,
  'gu',
);
/** SIRET (3-3-3-5) or SIREN (3-3-3). */
export const COMPANY_ID = new RegExp(r`\d{3}${GSEP}?\d{3}${GSEP}?\d{3}(?:${GSEP}?\d{5})?(?!\d)`, 'gu');
/** Number plates, SIV format AB-123-CD (no I, O, U). Capitals only: in lower case only after a cue. */
export const VEHICLE_PLATE = /[A-HJ-NP-TV-Z]{2}[ -]?\d{3}[ -]?[A-HJ-NP-TV-Z]{2}(?![A-Za-z0-9])/gu;
/** A run of 9 digits or more: whatever it is, it identifies something (no date, amount or year is that long). */
export const LONG_DIGITS = /\d{9,40}/g;
/** A decimal separator just before a number: what follows is its fractional part (« 0,612345678 »). */
export const DECIMAL_BEFORE = /\d[,.]$/;
/** What follows an amount or a percentage: a number so followed is not personal data. */
export const AMOUNT_AFTER = new RegExp(r`^${SP}?(?:€|euros?(?![\p{L}])|eur(?![\p{L}])|%|k€|m€)`, 'iu');
/** A number written just before this one (« 2 005 123 456 »), so this one is the tail of an amount. */
export const NUMBER_BEFORE = /\d[ \u00A0\u202F.,]$/u;

// ---- identifiers given in context ----

/** Cues of identifiers, one per kind; the value that follows is group 1. */
export const CUES = {
  'benefit-number': new RegExp(
    r`(?:${NUM}${SP}?(?:d${APOS}${SP}?|de${SP})?allocataire|allocataire(?:${SP}(?:caf|msa))?|${NUM}${SP}?(?:de${SP}la${SP}|à${SP}la${SP})?(?:caf|msa)|(?:caf|msa)${SP}?${NUM}|identifiant${SP}(?:caf|msa))(?:${FILLER}){0,10}${VALUE}`,
    'giu',
  ),
  'france-travail-id': new RegExp(
    r`(?:(?:identifiant|${NUM}(?:${SP}d${APOS}${SP}?(?:identifiant|inscription))?|${NUM}${SP}identifiant)${SP}?(?:(?:à|a|de|chez)${SP})?(?:france${SP}?-?travail|p[ôo]le${SP}?-?emploi|ft|pe)(?![\p{L}])|(?:france${SP}?-?travail|p[ôo]le${SP}?-?emploi)${SP}?:?${SP}?(?:identifiant|${NUM}))(?:${FILLER}){0,10}${VALUE}`,
    'giu',
  ),
  'tax-number': new RegExp(
    r`(?:(?:${NUM}|identifiant)${SP}?(?:fiscal|spi|(?:de${SP})?(?:t[ée]l[ée])?d[ée]clarant|d${APOS}avis(?:${SP}d${APOS}imp[ôo]ts?|${SP}d${APOS}imposition)?|(?:des${SP}|d${APOS})imp[ôo]ts?)|r[ée]f[ée]rence${SP}de${SP}l${APOS}avis|r[ée]f[ée]rence${SP}fiscale)(?:${FILLER}){0,10}${VALUE}`,
    'giu',
  ),
  nir: new RegExp(
    r`(?:${NUM}${SP}?(?:de${SP}|d${APOS})?(?:s[ée]cu(?:rit[ée]${SP}sociale)?|ss|nir|insee|carte${SP}vitale|assur[ée]e?${SP}social|immatriculation${SP}(?:à|a)${SP}la${SP}s[ée]cu(?:rit[ée]${SP}sociale)?)|nir|${NUM}${SP}?ss|s[ée]curit[ée]${SP}sociale${SP}?:|carte${SP}vitale${SP}?:)(?:${FILLER}){0,10}${VALUE}`,
    'giu',
  ),
  'identity-document': new RegExp(
    r`(?:(?:${NUM}${SP}?(?:de${SP}(?:mon${SP}|ma${SP})?|du${SP}|d${APOS})?)?(?:passeport|carte${SP}d${APOS}identit[ée]|cni|titre${SP}de${SP}s[ée]jour|carte${SP}de${SP}s[ée]jour|r[ée]c[ée]piss[ée]|permis${SP}de${SP}conduire|agdref)|${NUM}${SP}(?:d${APOS})?[ée]tranger|${NUM}${SP}(?:de${SP}|du${SP})?permis)(?:${FILLER}){0,10}${VALUE}`,
    'giu',
  ),
  'vehicle-registration': new RegExp(
    r`(?:immatricul[ée]e?|immatriculation|plaque|carte${SP}grise)(?:${FILLER}|d${APOS}immatriculation){0,10}${VALUE}`,
    'giu',
  ),
  iban: new RegExp(r`(?:iban|rib|coordonn[ée]es${SP}bancaires)(?![\p{L}])(?:${FILLER}){0,10}${VALUE}`, 'giu'),
  'company-id': new RegExp(r`(?:siret|siren|tva${SP}intracommunautaire)(?:${FILLER}){0,10}${VALUE}`, 'giu'),
  'file-number': new RegExp(
    r`(?:${NUM}${SP}?(?:de${SP}|du${SP}|d${APOS}${SP}?)?(?:dossier|demande|suivi|client|contrat|adh[ée]rent|r[ée]f[ée]rence|r[ée]clamation|recours|ticket|facture|colis|convocation|[ée]tudiant|ine|pension|retraite|compte|d[ée]claration|enregistrement|inscription|affaire|courrier|bordereau|sinistre|recommand[ée]e?|rendez-vous|rdv|pv|procès-verbal|proc[eè]s${SP}verbal|amende|avis|mutuelle|adh[ée]sion|assur[ée]|bénéficiaire|beneficiaire|s[ée]rie|badge)|(?:demande|requ[êe]te|r[ée]clamation|recours|contrat|facture|colis|commande|courrier|affaire|sinistre|convocation|avis|pension|ticket)${SP}?${NUM}|dossier|r[ée]f[ée]rence|r[ée]f|identifiant|login|matricule)(?![\p{L}])\.?(?:${FILLER}){0,10}${VALUE}`,
    'giu',
  ),
} as const;

/**
 * « né le », « née à Lyon le », « date de naissance : », « né en 1985 »; the date is group 1. Not « naissance »
 * alone: « l'acte de naissance demandé le 3 mars » dates a request, not a birth. A year alone only after « né ».
 */
export const BIRTH_DATE = new RegExp(
  r`(?:(n[ée]e?(?:${SP}?\(e\))?s?)|date${SP}de${SP}naiss(?:ance|\.)?|ddn)` +
    r`(?:${SP}(?:à|a|en|au)${SP}[\p{L}'’\-]{1,30}(?:${SP}[\p{L}'’\-]{1,30}){0,2}(?:${SP}?\([\p{L}'’\- ]{1,30}\))?)?(?:${SP}|[:=,]|le(?![\p{L}])|en(?![\p{L}])|au(?![\p{L}])){0,6}` +
    r`(\d{1,2}(?:er)?${SP}?[/.\-]${SP}?\d{1,2}${SP}?[/.\-]${SP}?(?:\d{4}|\d\d)(?!\d)` +
    r`|(?:\d{1,2}(?:er)?${SP}{1,2})?(?:janv(?:ier)?|f[ée]v(?:rier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?)\.?${SP}{1,2}(?:\d{4}|\d\d)(?!\d)` +
    r`|\d{4}-\d\d-\d\d|\d{1,2}${SP}\d{1,2}${SP}\d{4}|(?:19|20)\d\d(?!\d))`,
  'giu',
);

// ---- postal addresses ----

/** Types of street that are nothing else in a sentence. */
const STREET_TYPES =
  r`rue|ruelle|avenue|av|ave|boulevard|boul|bd|bld|blvd|bvd|impasse|imp|all[ée]es?|all|lieu-dit|lieudit|lotissement|r[ée]sidence|hameau|faubourg|fbg|quai|esplanade|chauss[ée]e|rond${SP}?-?${SP}?point|parvis|venelle|sente|sentier|chemin|chem|square|sq|traverse|grand['’\-]${SP}?rue|grande?${SP}rue`;
/** Types of street that are also common words (« 3 cours de maths »): a capital or a postcode must confirm them. */
const AMBIGUOUS_STREET_TYPES = r`place|pl|route|rte|cours|crs|passage|voie|mail|clos|domaine|villa|c[ôo]te|mont[ée]e|port|promenade|cit[ée]|parc|cour|rampe|galerie|zone|ZA|ZI|ZAC`;
/** House number: 12, 12-14, 14c, 3 bis, 3 ter, 1 D. */
const HOUSE = r`\d{1,4}(?:[\-/]\d{1,4}|[a-zA-Z](?![\p{L}\p{N}]))?(?:${SP}?(?:bis|ter|quater|[a-zA-Z])(?![\p{L}\p{N}]))?${SP}{0,2},?${SP}{0,2}`;
/** Number, then type of street. Group 1: the type. */
export const STREET = new RegExp(
  r`${HOUSE}(${STREET_TYPES}|${AMBIGUOUS_STREET_TYPES})(?![\p{L}\p{N}])\.?`,
  'giu',
);
/** Number, then a type as official files abbreviate it, in capitals (« 902 CHE DE MALARIAS », « 3 PAS ANATOLE FRANCE »). */
export const STREET_CODE = new RegExp(
  r`${HOUSE}(CHE|PAS|PRO|TRA|ALL|ESP|CRS|CR|LD|RTE|PL|IMP|BD|AV|SQ|RES|LOT|HAM|FG|GR|CHS|RPT|PRV|SEN|VLA|QUAI|CITE|DOM|GAL)(?![\p{L}\p{N}])\.?`,
  'gu',
);
/** Tells a confirmed type of street from an ambiguous one (applied to group 1 of STREET). */
export const AMBIGUOUS_STREET_TYPE = new RegExp(r`^(?:${AMBIGUOUS_STREET_TYPES})$`, 'iu');
/** « route de nice », « place de la mairie »: with « de » and a name after it, a road or a square in any case. */
export const ROUTE_TYPE = /^(?:route|rte|place|pl)$/iu;
/** « Grande Rue », « Grand'Rue »: the type is the whole name. */
export const NAMELESS_STREET_TYPE = /^grand/iu;
/** A number before words: with a postcode after them it is an address whatever the street is called. */
export const HOUSE_NUMBER = new RegExp(r`${HOUSE}(?=\p{L})`, 'gu');
/** The same, read at one place (after « j'habite »). */
export const HOUSE_NUMBER_AT = new RegExp(r`${HOUSE}(?=\p{L})`, 'uy');
/** A type of street read at one place (after « j'habite »). Group 1: the type. */
export const STREET_TYPE_AT = new RegExp(r`(${STREET_TYPES}|${AMBIGUOUS_STREET_TYPES})(?![\p{L}\p{N}])\.?`, 'iuy');
/** « j'habite », « domicilié », « mon adresse : »: what follows is a home address, numbered or not. */
export const RESIDENCE_CUE = new RegExp(
  r`(?:j${APOS}?${SP}?habit(?:e|ais|ions)|je${SP}(?:vis|vivais|r[ée]side|r[ée]sidais|demeure|demeurais)|domicili[ée]e?s?|mon${SP}adresse(?:${SP}postale)?(?:${SP}(?:est|c${APOS}est))?|adresse${SP}(?:postale${SP}?)?:)` +
    r`(?:${SP}|[:,]|au(?![\p{L}])|à(?![\p{L}])|a(?![\p{L}])|la(?![\p{L}])|l${APOS}|dans(?![\p{L}])|en(?![\p{L}])|le(?![\p{L}])){0,8}`,
  'giu',
);
/** « lieu-dit Les Granges »: a place so small it locates a household, number or not. */
export const LIEU_DIT = new RegExp(r`lieu${SP}?-?${SP}?dit`, 'giu');
/** Postcode (5 digits, or 2 + 3) after the street. */
export const POSTCODE = new RegExp(r`(?:${SP}{0,2}[,\-–]?${SP}{0,2})(?:\d{5}|\d\d${SP}\d{3})(?!\d)`, 'uy');
/** Flat, building, staircase, floor next to an address: « appartement 12 », « bât. B ». */
export const ADDRESS_COMPLEMENT_AFTER = new RegExp(
  r`${SP}{0,2}[,\-–]?${SP}{0,2}(?:(?:appartement|appart|appt|apt|b[âa]timent|b[âa]t|escalier|esc|[ée]tage|porte|logement|log|chambre|r[ée]sidence)\.?${SP}?(?:${NUM}${SP}?)?[A-Za-z0-9]{1,4}|(?:bp|cs)${SP}?\d{1,5})(?![\p{L}\p{N}])`,
  'iuy',
);
/** The same, just before the number: « Bât. B, 12 rue… ». Tested on the 40 characters before. */
export const ADDRESS_COMPLEMENT_BEFORE = new RegExp(
  r`(?:appartement|appart|appt|apt|b[âa]timent|b[âa]t|escalier|esc|[ée]tage|porte|logement|log|chambre)\.?${SP}?(?:${NUM}${SP}?)?[A-Za-z0-9]{1,4}${SP}{0,2}[,\-–]?${SP}{0,2}$`,
  'iu',
);

// ---- names ----

/** Civility and professional titles written in full or as abbreviations that are no French word. */
export const TITLE = new RegExp(
  r`(?:monsieur|madame|mademoiselle|docteure?|ma[iî]tre|professeure?|mme|mlle|melle|mr|dr)(?![\p{L}\p{N}])\.?`,
  'giu',
);
/** M., Me, Pr: capitals only (« me », « pr » are words of their own in lower case). */
export const TITLE_CASED = /(?:M|Me|Pr|Mmes)(?![\p{L}\p{N}])\.?/gu;
/** Cues after which a name follows, written by the person about themself. Any case accepted after them. */
export const NAME_INTRO = new RegExp(
  r`(?:je${SP}?m${APOS}?${SP}?app?ell?e|je${SP}me${SP}(?:nomme|pr[ée]nomme)|mon${SP}(?:nom|pr[ée]nom)(?:${SP}de${SP}(?:famille|naissance|jeune${SP}fille))?(?:${SP}(?:est|c${APOS}est)|${SP}?:)|nom${SP}(?:et${SP})?pr[ée]nom${SP}?:|(?:nom|pr[ée]nom)(?:${SP}de${SP}(?:famille|naissance))?${SP}?:)(?![\p{L}])`,
  'giu',
);
/** Cues after which only a capitalised word is a name: relatives, agents, « je suis », « moi c'est ». */
export const NAME_RELATION = new RegExp(
  r`(?:(?:mon|ma|mes|notre|son|sa)${SP}(?:fils|fille|mari|femme|[ée]pouse|[ée]poux|compagnon|compagne|conjoint|conjointe|ami|amie|copain|copine|voisin|voisine|fr[èe]re|s(?:œ|oe)ur|p[èe]re|m[èe]re|petit-fils|petite-fille|grand-m[èe]re|grand-p[èe]re|neveu|ni[èe]ce|oncle|tante|cousin|cousine|beau-p[èe]re|belle-m[èe]re|beau-fr[èe]re|belle-s(?:œ|oe)ur|enfant|b[ée]b[ée]|conseill[eè]re?|assistante?${SP}social[e]?|r[ée]f[ée]rente?|tut(?:eur|rice)|curat(?:eur|rice)|aidante?|avocate?|m[ée]decin|patronne?|employeur|propri[ée]taire|bailleur)` +
    r`|(?:l${APOS}|le${SP}|la${SP})(?:agente?|conseill[eè]re?|employ[ée]e?|dame|assistante?${SP}social[e]?|m[ée]diat(?:eur|rice)|secr[ée]taire|guichet(?:ier|i[eè]re)|h[ôo]tesse|r[ée]f[ée]rente?)` +
    r`|(?:la|ma)${SP}famille|n[ée]e|moi${SP}c${APOS}est|je${SP}suis|sign[ée]e?${SP}?:?)(?![\p{L}])`,
  'giu',
);
/** Closings after which a signature follows, name in any case. */
export const CLOSING = new RegExp(
  r`(?:(?:bien|tr[eè]s)${SP})?cordialement|cordialt|cdlt|cdt|(?:(?:mes|nos)${SP})?(?:(?:sinc[eè]res|meilleures|respectueuses)${SP})?salutations(?:${SP}(?:distingu[ée]es|respectueuses|sinc[eè]res|cordiales))?|respectueusement|sinc[eè]rement|bien${SP}[àa]${SP}vous|(?:ma|mon)${SP}(?:profond${SP}|profonde${SP})?(?:consid[ée]ration|respect)(?:${SP}distingu[ée]e)?`,
  'giu',
);
/** Friendly closings: only a capitalised name after them is a signature. */
export const CLOSING_FRIENDLY = new RegExp(
  r`merci(?:${SP}(?:d${APOS}avance|beaucoup|encore|infiniment|bien|[àa]${SP}vous|pour${SP}tout))?|bonne${SP}(?:journ[ée]e|soir[ée]e|continuation|fin${SP}de${SP}journ[ée]e)|belle${SP}journ[ée]e|[àa]${SP}bient[ôo]t|bises|bisous|amicalement|amiti[ée]s`,
  'giu',
);

// ---- words and gaps read by the token walker (sticky) ----

/** A word: letters, digits, inner hyphens and apostrophes. */
export const WORD = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’-](?=[\p{L}\p{N}])){0,47}/uy;
/** Spaces between two words of one name or street name; an apostrophe typed apart (« rue de l' église »). */
export const WORD_GAP = /[ \u00A0\u202F]{1,3}['’]?|['’][ \u00A0\u202F]{0,2}/uy;
/** Spaces only. */
export const SPACES = /[ \u00A0\u202F]{1,3}/uy;
/** What may stand between a closing and the signature: punctuation, line breaks, emoji. */
export const SIGNATURE_GAP = /[^\p{L}\p{N}[]{0,24}/uy;
/** The rest of a line holds no letter (a phone number or emoji may follow a signature). */
export const NO_LETTER_TO_LINE_END = /[^\p{L}\n]{0,200}(?:\n|$)/uy;

// ---- context and validation (tested on short slices) ----

/** Words around a number that make it a social security number. */
export const NIR_CONTEXT = /s[ée]cu|nir(?![\p{L}])|vitale|ameli|cpam|assurance maladie|sociale/iu;
/** Words around a number that make it a bank account number. */
export const IBAN_CONTEXT = /iban|rib(?![\p{L}])|bancaire|banque|virement|compte/iu;
/** Words around a 9-digit number that make it a SIREN. */
export const COMPANY_CONTEXT = /siren|siret|entreprise|entrepreneur|soci[ée]t[ée]|sarl|eurl|sas(?![\p{L}])|kbis|urssaf/iu;
/** A group of letters and digits inside a value. */
export const VALUE_GROUP = /[A-Za-z0-9]{1,40}/g;
/** A short code in capitals ending an identifier (« 1234567 A »). */
export const SHORT_CODE = /^[A-Z]{1,3}$/;
/** A code in capitals inside an identifier, between or before digits (« AB 123 456 », « 2024-ANTS-778899 »). */
export const INNER_CODE = /^[A-Z]{1,6}$/;
/** A number plate after a cue, any case: SIV (AB-123-CD) or the former FNI (123 ABC 75). */
export const PLATE_VALUE = /^(?:[A-HJ-NP-TV-Z]{2}[ -]?\d{3}[ -]?[A-HJ-NP-TV-Z]{2}|\d{1,4}[ -]?[A-Z]{1,3}[ -]?(?:\d\d|2[AB]|97\d))(?![A-Z0-9])/i;
/** Groups of an IBAN typed by four (lengths as « 4,4,4,3 »). */
export const GROUPED_BY_FOUR = /^(?:4,){1,8}[1-4]$/;
/** A value that is a date written with digits (12/03/2024, 12 03 2024, 2024-03-12, 12.03.24). */
export const DATE_SHAPE = /^(?:\d{1,2} ?[.\-/ ] ?\d{1,2} ?[.\-/ ] ?(?:\d{4}|\d\d)|\d{4}[.\-/ ]\d\d[.\-/ ]\d\d)$/;
/** A value that starts with a date and its four-digit year (« 12/03/2024 10 » is a date and a time). */
export const DATED_VALUE = /^(?:\d{1,2} ?[.\-/ ] ?\d{1,2} ?[.\-/ ] ?(?:19|20)\d\d|(?:19|20)\d\d[.\-/ ]\d\d[.\-/ ]\d\d)(?!\d)/;
/** A compound first name, « Jean-Pierre », « Marie-Hélène »: no nationality or adjective looks like that. */
export const COMPOUND_NAME = /^\p{Lu}\p{Ll}{1,24}-\p{Lu}\p{Ll}{1,24}$/u;
/** A word made of digits only. */
export const DIGITS_ONLY = /^\d{1,48}$/;
/** A year. */
export const YEAR = /^(?:19|20)\d\d$/;
/** Anything but digits, to compare numbers whatever their spacing. */
export const NON_DIGITS = /\D/g;
/** One ASCII letter or digit, to reach the ends of a code. */
export const ALPHANUMERIC = /^[0-9A-Za-z]$/;
/** Anything but letters and digits, to read identifiers and their groups. */
export const NON_ALPHANUMERIC = /[^0-9A-Za-z]{1,40}/g;
/** Webmail domains people write without their ending (« jean@gmail »). */
export const WEBMAIL = /^(?:gmail|hotmail|yahoo|outlook|live|msn|orange|wanadoo|free|sfr|neuf|laposte|icloud|aol|gmx|proton(?:mail)?|bbox|numericable|yopmail)$/iu;
/** Characters of an e-mail's local part, to reach its start when it is long. */
export const LOCAL_PART_CHAR = /[\p{L}\p{N}._%+-]/u;
/** What an identifier's value must not run into: « cerfa 12345*03 », « 15 % », « 3 h ». */
export const VALUE_FOLLOWER = /^(?:\*|\s?%|\s?h(?![\p{L}])|\s?€|\s?euros?(?![\p{L}]))/iu;

// ---- characters ----

/** One letter or digit, of any script. */
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** One letter, of any script. */
export const LETTER = /\p{L}/u;
/** One white-space character. */
export const WHITE_SPACE = /\s/;
/** Combining marks (accents of decomposed letters), removed to compare words. */
export const COMBINING_MARKS = /\p{M}/gu;
/** Typographic apostrophes, written as ASCII to compare words. */
export const TYPOGRAPHIC_APOSTROPHE = /’/g;
/** An apostrophe, either kind. */
export const APOSTROPHE = /['’]/;

// ---- normalisation ----

/** What does not count when comparing contacts to keep: spaces, dots, dashes, brackets. */
export const CONTACT_NOISE = /[\s.\-/()\u00A0\u202F]/g;
/** +33 or 0033, and the trunk 0 sometimes kept after it: a French number in its national form starts with 0. */
export const FRENCH_PREFIX = /^(?:\+|00)330?/;

/** Invisible characters that could split a number or an address without showing (soft hyphen, zero-width…). */
export const INVISIBLE = /[\u00AD\u200B\u200C\u2060\uFEFF]/g;
/** A zero-width joiner next to a letter or digit (inside emoji sequences it is kept). */
export const JOINER_IN_WORD = /\u200D(?=[\p{L}\p{N}])|([\p{L}\p{N}])\u200D/gu;
