/**
 * Vocabularies of the national standard « Lieux de médiation numérique » v1.0.2 (LaMednum/standard-mediation-num),
 * in the schema's order; bitmasks in the data refer to these positions. The data build checks them against the
 * schema file, so a new version of the standard cannot slip in unnoticed.
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
};
