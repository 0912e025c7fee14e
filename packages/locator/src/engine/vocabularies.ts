/**
 * Vocabularies of the national standard « Lieux de médiation numérique » v1.0.2 (LaMednum/standard-mediation-num),
 * in the schema's order; bitmasks in the data refer to these positions. The data build checks them against the
 * schema file, so a new version of the standard cannot slip in unnoticed. They travel with the data (places/index.json),
 * their French plain words with them: the element reads both from there.
 */
import type { Vocabularies } from './types.ts';

export const PASS_NUMERIQUE = 'Pass numérique';

export const VOCABULARIES: Vocabularies = {
  services: [
    'Aide aux démarches administratives',
    'Maîtrise des outils numériques du quotidien',
    'Insertion professionnelle via le numérique',
    'Utilisation sécurisée du numérique',
    'Parentalité et éducation avec le numérique',
    'Loisirs et créations numériques',
    'Compréhension du monde numérique',
    'Accès internet et matériel informatique',
    'Acquisition de matériel informatique à prix solidaire',
  ],
  publics: ['Jeunes', 'Étudiants', 'Familles et/ou enfants', 'Seniors', 'Femmes'],
  specificSupport: [
    'Surdité',
    'Handicaps moteurs',
    'Handicaps mentaux',
    'Illettrisme',
    'Langues étrangères (anglais)',
    'Langues étrangères (autres)',
    'Déficience visuelle',
  ],
  fees: ['Gratuit', 'Gratuit sous condition', 'Payant'],
  supportKinds: ['En autonomie', 'Accompagnement individuel', 'Dans un atelier collectif', 'À distance'],
  access: [
    'Se présenter',
    'Téléphoner',
    'Contacter par mail',
    'Prendre un RDV en ligne',
    "Ce lieu n'accueille pas de public",
    'Envoyer un mail avec une fiche de prescription',
  ],
  labels: [
    'Aidants Connect',
    'Bibliothèques numérique de référence',
    'Certification PIX',
    'Conseillers numériques',
    'Emmaüs Connect',
    'France Services',
    'Grande école du numérique',
    'La Croix Rouge',
    "Point d'accès numérique CAF",
    'Promeneurs du net',
    'Relais numérique (Emmaüs Connect)',
    PASS_NUMERIQUE,
  ],
  plainFr: {
    'Familles et/ou enfants': 'Familles et enfants',
    'En autonomie': 'En autonomie, avec du matériel en libre accès',
    'Aidants Connect': 'Aidants Connect : un professionnel peut faire une démarche pour vous, en sécurité',
    'Bibliothèques numérique de référence': 'Bibliothèque numérique de référence',
    'Certification PIX': 'Certification Pix : faire reconnaître ses compétences numériques',
    'Conseillers numériques': 'Conseiller numérique',
    'Grande école du numérique': 'Grande école du numérique : formations aux métiers du numérique',
    'La Croix Rouge': 'Croix-Rouge française',
    "Point d'accès numérique CAF": 'Point d’accès numérique de la CAF',
    'Promeneurs du net': 'Promeneurs du Net : des éducateurs qui aident les jeunes sur internet',
    'Relais numérique (Emmaüs Connect)': 'Relais numérique d’Emmaüs Connect',
    [PASS_NUMERIQUE]: 'Pass numérique : des chèques pour des ateliers gratuits',
  },
};
