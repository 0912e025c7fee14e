/**
 * The kinds of personal data we mask, and the placeholder that replaces each one. Kind names are a stable
 * contract: the collector stores them and the back office counts them. Add new kinds at the end, never rename.
 */
export const PERSONAL_DATA_KINDS = [
  'email',
  'phone',
  'nir',
  'iban',
  'payment-card',
  'tax-number',
  'benefit-number',
  'france-travail-id',
  'identity-document',
  'company-id',
  'vehicle-registration',
  'file-number',
  'address',
  'name',
  'birth-date',
  'other',
] as const;

/**
 * One kind of personal data:
 * - `email`: e-mail address, also written « jean point dupont arobase gmail point com »;
 * - `phone`: phone number, French (every notation, overseas included) or international;
 * - `nir`: numéro de sécurité sociale (NIR), with or without its key;
 * - `iban`: bank account number (IBAN, any country);
 * - `payment-card`: payment card number (Luhn);
 * - `tax-number`: numéro fiscal (13 digits) and tax references given in context;
 * - `benefit-number`: numéro d'allocataire (CAF, MSA);
 * - `france-travail-id`: identifiant France Travail (ex-Pôle emploi);
 * - `identity-document`: passport, identity card, residence permit, driving licence, foreigner number;
 * - `company-id`: SIRET or SIREN (a sole trader's number identifies them in the public register);
 * - `vehicle-registration`: number plate;
 * - `file-number`: any other file, claim or customer number given in context, and long digit runs;
 * - `address`: postal address (number, type of street, name, postcode and town, flat, building);
 * - `name`: a person's name (after « Je m'appelle », « Mme », « M. », « Docteur »…, in a signature);
 * - `birth-date`: date of birth given in context (« né le… »);
 * - `other`: anything a moderator masks by hand.
 */
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** Languages of the placeholders: those of the widget. */
export type PlaceholderLocale = 'fr' | 'en' | 'ar';

/** The text that replaces each kind, per language. */
export type Placeholders = Record<PersonalDataKind, string>;

/**
 * Placeholders per language. Square brackets so a reader sees at once that something was removed, and so the
 * placeholder can never be mistaken for, or re-detected as, personal data.
 */
export const PLACEHOLDERS: Record<PlaceholderLocale, Placeholders> = {
  fr: {
    email: '[adresse e-mail masquée]',
    phone: '[numéro de téléphone masqué]',
    nir: '[numéro de sécurité sociale masqué]',
    iban: '[IBAN masqué]',
    'payment-card': '[numéro de carte bancaire masqué]',
    'tax-number': '[numéro fiscal masqué]',
    'benefit-number': '[numéro d’allocataire masqué]',
    'france-travail-id': '[identifiant France Travail masqué]',
    'identity-document': '[numéro de pièce d’identité masqué]',
    'company-id': '[numéro SIRET masqué]',
    'vehicle-registration': '[immatriculation masquée]',
    'file-number': '[numéro de dossier masqué]',
    address: '[adresse masquée]',
    name: '[nom masqué]',
    'birth-date': '[date de naissance masquée]',
    other: '[information personnelle masquée]',
  },
  en: {
    email: '[email address removed]',
    phone: '[phone number removed]',
    nir: '[social security number removed]',
    iban: '[IBAN removed]',
    'payment-card': '[card number removed]',
    'tax-number': '[tax number removed]',
    'benefit-number': '[benefit claimant number removed]',
    'france-travail-id': '[France Travail ID removed]',
    'identity-document': '[ID document number removed]',
    'company-id': '[SIRET number removed]',
    'vehicle-registration': '[registration number removed]',
    'file-number': '[file number removed]',
    address: '[address removed]',
    name: '[name removed]',
    'birth-date': '[date of birth removed]',
    other: '[personal information removed]',
  },
  ar: {
    email: '[عنوان بريد إلكتروني محجوب]',
    phone: '[رقم هاتف محجوب]',
    nir: '[رقم الضمان الاجتماعي محجوب]',
    iban: '[رقم IBAN محجوب]',
    'payment-card': '[رقم بطاقة بنكية محجوب]',
    'tax-number': '[الرقم الضريبي محجوب]',
    'benefit-number': '[رقم المستفيد من المنح محجوب]',
    'france-travail-id': '[معرّف France Travail محجوب]',
    'identity-document': '[رقم وثيقة الهوية محجوب]',
    'company-id': '[رقم SIRET محجوب]',
    'vehicle-registration': '[رقم لوحة التسجيل محجوب]',
    'file-number': '[رقم الملف محجوب]',
    address: '[العنوان محجوب]',
    name: '[الاسم محجوب]',
    'birth-date': '[تاريخ الميلاد محجوب]',
    other: '[معلومة شخصية محجوبة]',
  },
};

/**
 * When two detected passages overlap they are masked as one, under the kind ranked first here: the kinds whose
 * format proves what they are come before those found from context.
 */
export const KIND_PRECEDENCE: readonly PersonalDataKind[] = [
  'email',
  'iban',
  'nir',
  'payment-card',
  'tax-number',
  'company-id',
  'phone',
  'identity-document',
  'vehicle-registration',
  'benefit-number',
  'france-travail-id',
  'birth-date',
  'file-number',
  'address',
  'name',
  'other',
];
