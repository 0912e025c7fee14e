/**
 * Stories as people write them (typos, no accents, lower case, missing spaces, emoji), each with the exact masked
 * text expected. `{kind}` in `masked` stands for that kind's French placeholder, so each case also checks the
 * kinds reported, in order. Shared by the Node tests and the browser tests: the same corpus must give the same
 * result in Node, Chromium and Firefox.
 *
 * The numbers are made up; NIR keys, IBAN checksums and card Luhn digits are computed to be valid unless a case
 * says it tests a wrong key.
 */
import { PLACEHOLDERS, type PersonalDataKind } from '../src/index.ts';

export interface MaskingCase {
  /** What the case is about. */
  about: string;
  text: string;
  /** Expected masked text, with `{kind}` for placeholders. Equal to `text` when nothing must be masked. */
  masked: string;
}

const mask = (about: string, text: string, masked: string): MaskingCase => ({ about, text, masked });
const keep = (about: string, text: string): MaskingCase => ({ about, text, masked: text });

/** `masked` with its `{kind}` tokens replaced by the French placeholders. */
export function expectedText(masked: string): string {
  return masked.replace(/\{([a-z-]+)\}/g, (token, kind: string) => PLACEHOLDERS.fr[kind as PersonalDataKind] ?? token);
}

/** The kinds a case expects, in order. */
export function expectedKinds(masked: string): string[] {
  return [...masked.matchAll(/\{([a-z-]+)\}/g)].map((match) => match[1]!);
}

const emails: MaskingCase[] = [
  mask('plain address', 'Mon mail : jean.dupont@gmail.com', 'Mon mail : {email}'),
  mask('capitals', 'écrivez moi a JEAN.DUPONT@ORANGE.FR svp', 'écrivez moi a {email} svp'),
  mask('no space after the colon', 'mail:marie-claire.durand75@hotmail.fr', 'mail:{email}'),
  mask('plus tag and subdomain', 'contact: k.benali+caf@etu.univ-lille.fr.', 'contact: {email}.'),
  mask('between brackets', "j'ai écrit (fatou.diallo@yahoo.fr) sans réponse", "j'ai écrit ({email}) sans réponse"),
  mask('accented local part', 'mon adresse est hélène.lefèvre@laposte.net', 'mon adresse est {email}'),
  mask('spelled out with arobase and point', 'mon mail c est jean point dupont arobase gmail point com', 'mon mail c est {email}'),
  mask('(at) and [dot]', 'joignable sur pierre.martin(at)free[dot]fr merci', 'joignable sur {email} merci'),
  mask('spaces around @', 'adresse : sophie.bernard @ gmail.com', 'adresse : {email}'),
  mask('comma for the dot', 'lucas.petit@gmail,com', '{email}'),
  mask('no domain ending', 'mon mail est nadia.haddad@gmail je crois', 'mon mail est {email} je crois'),
  mask('two addresses', 'a.b@wanadoo.fr ou bien c.d@sfr.fr', '{email} ou bien {email}'),
  mask('glued to an emoji', 'voila mon mail 👉jean.dupont@gmail.com👈', 'voila mon mail 👉{email}👈'),
  mask('mailto link', 'cliquez mailto:paul.roux@outlook.com', 'cliquez mailto:{email}'),
  mask('an agent’s address at a public body', "l'agent m'a donné son mail c.moreau@caf.fr", "l'agent m'a donné son mail {email}"),
  mask('a long local part with many dots', 'a.b.c.d.e.f.g.h@exemple.fr', '{email}'),
  mask('address in angle brackets', 'Jean <jean.d@free.fr>', 'Jean <{email}>'),
  mask('digits only in the local part', '0612345678@sfr.fr', '{email}'),
  mask('list with commas and semicolons', 'prenom.nom@domaine.fr,autre@x.org;third@y.net', '{email},{email};{email}'),
];

const phones: MaskingCase[] = [
  mask('pairs with spaces', 'Vous pouvez me rappeler au 06 12 34 56 78.', 'Vous pouvez me rappeler au {phone}.'),
  mask('pairs with dots', 'tel 06.12.34.56.78', 'tel {phone}'),
  mask('pairs with dashes', 'portable : 07-81-22-33-44', 'portable : {phone}'),
  mask('contiguous', 'mon num 0612345678 merci', 'mon num {phone} merci'),
  mask('+33', 'Tél. +33 6 12 34 56 78', 'Tél. {phone}'),
  mask('+33 contiguous', 'whatsapp +33612345678', 'whatsapp {phone}'),
  mask('+33 (0)', 'appelez le +33 (0)6 12 34 56 78 svp', 'appelez le {phone} svp'),
  mask('0033', '0033 6 12 34 56 78', '{phone}'),
  mask('+33 with the trunk zero kept', '+33 06 12 34 56 78', '{phone}'),
  mask('landline', 'fixe : 01 45 67 89 10', 'fixe : {phone}'),
  mask('internet box line', 'ma box 09 51 23 45 67', 'ma box {phone}'),
  mask('4-2-2-2', 'joignable au 0612 34 56 78', 'joignable au {phone}'),
  mask('4-3-3', 'Tel: 0612 345 678', 'Tel: {phone}'),
  mask('Guadeloupe, national', 'en Guadeloupe au 0590 12 34 56', 'en Guadeloupe au {phone}'),
  mask('Guadeloupe, international', 'depuis la métropole : +590 690 12 34 56', 'depuis la métropole : {phone}'),
  mask('La Réunion', 'mon portable +262 692 12 34 56 (réunion)', 'mon portable {phone} (réunion)'),
  mask('Mayotte, national', '0639 12 34 56', '{phone}'),
  mask('New Caledonia, 6 digits', 'a Nouméa +687 12 34 56', 'a Nouméa {phone}'),
  mask('Belgium', 'mon fils en Belgique +32 2 123 45 67', 'mon fils en Belgique {phone}'),
  mask('Morocco with 00', 'ma mère au Maroc 00212 6 12 34 56 78', 'ma mère au Maroc {phone}'),
  mask('mistyped, after a cue', 'tél : 06 12 34 56 7', 'tél : {phone}'),
  mask('without its zero, after a cue', 'portable 6 12 34 56 78', 'portable {phone}'),
  mask('glued to a word', 'Tel:0612345678', 'Tel:{phone}'),
  mask('followed by an emoji', 'rappelez moi 06 12 34 56 78📞', 'rappelez moi {phone}📞'),
  mask('two numbers', 'le 06 12 34 56 78 ou le 01 23 45 67 89', 'le {phone} ou le {phone}'),
  mask('a number then a count', 'appelé au 06 12 34 56 78 23 fois', 'appelé au {phone} 23 fois'),
  mask('slashes', 'num 06/12/34/56/78', 'num {phone}'),
  mask('2-4-4', 'appelez moi au 06 1234 5678', 'appelez moi au {phone}'),
  mask('1-3-3-3', 'au 0 612 345 678', 'au {phone}'),
  mask('two numbers after one cue', 'tel : 06 12 34 56 78 / 07 98 76 54 32', 'tel : {phone} / {phone}'),
  mask('two numbers in a row', '06 12 34 56 78 07 98 76 54 32', '{phone} {phone}'),
  mask('phone then NIR, no words', 'Tél 0612345678 NIR 185057800608491', 'Tél {phone} NIR {nir}'),
  mask('+33 with dots', '+33.6.12.34.56.78', '{phone}'),
];

const socialSecurity: MaskingCase[] = [
  mask('NIR, grouped', 'Mon numéro de sécu : 1 85 05 78 006 084 91', 'Mon numéro de sécu : {nir}'),
  mask('NIR, contiguous', 'NIR 185057800608491', 'NIR {nir}'),
  mask('NIR, woman, dots', 'ma carte vitale 2.90.01.75.123.456.05', 'ma carte vitale {nir}'),
  mask('NIR, dashes, no cue', 'voici 2-84-05-20-004-017-37 pour le dossier', 'voici {nir} pour le dossier'),
  mask('NIR, Corsica 2A', 'né à Ajaccio : 1 85 02 2A 012 345 31', 'né à Ajaccio : {nir}'),
  mask('NIR, Corsica 2B in lower case, contiguous', 'secu 291032b05006237', 'secu {nir}'),
  mask('NIR, wrong key but grouped like a NIR', 'numero secu 1 85 05 78 006 084 36', 'numero secu {nir}'),
  mask('NIR without key, grouped', 'sécurité sociale : 1 72 03 99 350 012', 'sécurité sociale : {nir}'),
  mask('NIR without key after a cue, contiguous', 'n° de sécu 1720399350012', 'n° de sécu {nir}'),
  mask('NIR, key apart', 'mon numéro INSEE 1741269388021 64', 'mon numéro INSEE {nir}'),
  mask('NIR, valid key, odd grouping, no cue', 'c’est le 185 0578 006 084 91.', 'c’est le {nir}.'),
  mask('NIR born abroad (99)', 'sécu : 1 99 12 99 123 001 82', 'sécu : {nir}'),
];

const bankAndCards: MaskingCase[] = [
  mask('IBAN FR grouped', 'Mon IBAN : FR76 3000 6000 0112 3456 7890 189', 'Mon IBAN : {iban}'),
  mask('IBAN FR contiguous', 'rib FR7630006000011234567890189 merci de verser', 'rib {iban} merci de verser'),
  mask('IBAN in lower case', 'iban fr76 3000 6000 0112 3456 7890 189', 'iban {iban}'),
  mask('IBAN with a letter in the account', 'FR14 2004 1010 0505 0001 3M02 606', '{iban}'),
  mask('IBAN with dashes', 'FR76-1010-7001-0112-3456-7890-129', '{iban}'),
  mask('IBAN German', 'compte en Allemagne DE89 3704 0044 0532 0130 00.', 'compte en Allemagne {iban}.'),
  mask('IBAN British', 'GB29 NWBK 6016 1331 9268 19', '{iban}'),
  mask('IBAN Belgian', 'BE68539007547034', '{iban}'),
  mask('IBAN Moroccan', 'virement depuis MA64 0115 1900 0001 2050 0053 4921', 'virement depuis {iban}'),
  mask('IBAN Senegalese', 'SN08 SN01 0015 2000 0485 0000 3035', '{iban}'),
  mask('IBAN, one wrong digit, grouped by four', 'FR76 3000 6000 0112 3456 7890 188', '{iban}'),
  mask('IBAN, RIB grouping', 'iban FR76 30006 00001 12345678901 89', 'iban {iban}'),
  mask('IBAN then words', 'FR7630006000011234567890189 et le BIC', '{iban} et le BIC'),
  mask('IBAN missing a digit, after « IBAN : »', 'IBAN: FR76 3000 6000 0112 3456 7890 18', 'IBAN: {iban}'),
  mask('French RIB in four parts', 'mon rib 30006 00001 12345678901 89', 'mon rib {iban}'),
  mask('Tunisian IBAN', 'TN59 1000 6035 1835 9847 8831', '{iban}'),
  mask('card', 'ils ont débité ma carte 4111 1111 1111 1111 deux fois', 'ils ont débité ma carte {payment-card} deux fois'),
  mask('card, contiguous', 'CB 5555555555554444', 'CB {payment-card}'),
  mask('card, American Express', 'amex 3782 822463 10005', 'amex {payment-card}'),
];

const identifiers: MaskingCase[] = [
  mask('numéro fiscal, contiguous', 'mon numéro fiscal : 1234567890123', 'mon numéro fiscal : {tax-number}'),
  mask('numéro fiscal, grouped', 'numero fiscal 01 23 456 789 012', 'numero fiscal {tax-number}'),
  mask('numéro fiscal, no cue', 'sur l’avis il y a 3012345678901 en haut', 'sur l’avis il y a {tax-number} en haut'),
  mask('numéro fiscal after « est le »', 'Mon numéro fiscal est le 2 93 45 678 901 23', 'Mon numéro fiscal est le {tax-number}'),
  mask('numéro allocataire', "Mon numéro d'allocataire : 1234567", "Mon numéro d'allocataire : {benefit-number}"),
  mask('numéro allocataire, lower case, no accent', 'numero allocataire caf 7654321 depuis 2019', 'numero allocataire caf {benefit-number} depuis 2019'),
  mask('n° CAF', 'N° CAF: 0123456 A', 'N° CAF: {benefit-number}'),
  mask('allocataire MSA', 'allocataire MSA n° 99887766', 'allocataire MSA n° {benefit-number}'),
  mask('identifiant France Travail', 'mon identifiant France Travail est 1234567A', 'mon identifiant France Travail est {france-travail-id}'),
  mask('identifiant Pôle emploi', 'identifiant pole emploi : 7654321J', 'identifiant pole emploi : {france-travail-id}'),
  mask('numéro de dossier', 'Numéro de dossier : 2024-000123', 'Numéro de dossier : {file-number}'),
  mask('dossier n°', 'dossier n°AB123456 toujours en attente', 'dossier n°{file-number} toujours en attente'),
  mask('référence', 'ref. 24A0012345B', 'ref. {file-number}'),
  mask('numéro de demande', 'mon numéro de demande est le 31-2024-56789', 'mon numéro de demande est le {file-number}'),
  mask('numéro de suivi', 'n° de suivi 1A23456789012', 'n° de suivi {file-number}'),
  mask('login with digits', 'mon identifiant : jdupont59', 'mon identifiant : {file-number}'),
  mask('passport', 'passeport n° 12AB34567', 'passeport n° {identity-document}'),
  mask('residence permit', 'titre de séjour 9912345678', 'titre de séjour {identity-document}'),
  mask('numéro étranger', 'mon numéro étranger 7512345678', 'mon numéro étranger {identity-document}'),
  mask('driving licence', 'permis de conduire n° 12AA34567', 'permis de conduire n° {identity-document}'),
  mask('SIRET', 'auto-entrepreneur, SIRET 732 829 320 00074', 'auto-entrepreneur, SIRET {company-id}'),
  mask('SIRET without a cue', "l'URSSAF a bloqué le 55208131766522", "l'URSSAF a bloqué le {company-id}"),
  mask('SIREN after a cue', 'mon siren 130 025 265 radié par erreur', 'mon siren {company-id} radié par erreur'),
  mask('number plate', "ma voiture AB-123-CD n'apparaît pas sur l'ANTS", "ma voiture {vehicle-registration} n'apparaît pas sur l'ANTS"),
  mask('number plate, lower case, after a cue', 'immatriculée ab-123-cd', 'immatriculée {vehicle-registration}'),
 mask('ma demande n°', 'Ma demande n° 2024-12345 du 12 mars 2024', 'Ma demande n° {file-number} du 12 mars 2024'),
  mask('code with letters inside', 'dossier n° 2024-ANTS-778899', 'dossier n° {file-number}'),
  mask('former plate format after a cue', 'plaque 1234 AB 59', 'plaque {vehicle-registration}'),
  mask('long digit run', 'colis numéro 6A12345678901 et facture 202400001234', 'colis numéro {file-number} et facture {file-number}'),
];

const addresses: MaskingCase[] = [
  mask('number, street, postcode, town', "J'habite 12 rue des Lilas, 59000 Lille.", "J'habite {address}."),
  mask('bis, no comma', 'au 3 bis avenue Jean Jaurès 69007 Lyon depuis 2020', 'au {address} depuis 2020'),
  mask('ter, lower case', 'adresse : 5 ter rue victor hugo 75011 paris', 'adresse : {address}'),
  mask('comma after the number', '14, boulevard Gambetta', '{address}'),
  mask('abbreviation', '8 bd de la Liberté 13001 Marseille', '{address}'),
  mask('av.', 'le 27 av. de la République', 'le {address}'),
  mask('allée, stops at « depuis »', "j'habite 5 allée des Tilleuls depuis 10 ans", "j'habite {address} depuis 10 ans"),
  mask('impasse and building before', 'Bât. B, 2 impasse du Moulin', '{address}'),
  mask('flat after', '10 rue de la Paix appartement 12, 2e étage', '{address}, 2e étage'),
  mask('street with a date in its name', 'au 6 rue du 8 Mai 1945 à Roubaix', 'au {address} à Roubaix'),
  mask('place, capitalised', '2 place de la République', '{address}'),
  mask('chemin, glued number', 'au 45chemin des Vignes', 'au {address}'),
  mask('capitals', '17 RUE DU GENERAL DE GAULLE 67000 STRASBOURG', '{address}'),
  mask('no number, after « j’habite »', 'j’habite rue des Lilas à Lille', 'j’habite {address} à Lille'),
  mask('no number, after « domicilié »', 'domiciliée avenue Foch', 'domiciliée {address}'),
  mask('lieu-dit', 'au lieu-dit Les Granges 24200 Sarlat', 'au {address}'),
  mask('lieu dit without hyphen, capitalised', 'je vis au lieu dit La Motte', 'je vis au {address}'),
  mask('résidence', 'au 4 résidence les Pins bâtiment C', 'au {address}'),
  mask('quai, postcode with a space', '9 quai de la Fosse 44 000 Nantes', '{address}'),
  mask('address then a phone', '12 rue des Lilas 06 12 34 56 78', '{address} {phone}'),
  mask('range of numbers', 'aux 12-14 rue Nationale', 'aux {address}'),
  mask('Grande Rue', "j'habite au 305 Grande Rue à Attignat", "j'habite au {address} à Attignat"),
  mask('official abbreviation in capitals', '902 CHE DE MALARIAS 07400 LE TEIL', '{address}'),
  mask('street without a type, with postcode', '6 Le Bourg, 24140 Clermont-de-Beauregard', '{address}'),
  mask('number and name after « j’habite »', "J'habite 23 Les Verchères du Port", "J'habite {address}"),
  mask('place, lower case, with « de la »', 'rdv au 2 place de la mairie', 'rdv au {address}'),
  mask('route with a place', 'au 36 route de nice', 'au {address}'),
  mask('apostrophe typed apart', "au 62 Rue de l' eveche", 'au {address}'),
  mask('letter after the number, glued', '14c RUE DES FUSILLES', '{address}'),
  mask('PO box after the street', '25 RUE ARISTIDE BRIAND BP 60160 02000 Laon', '{address}'),
];

const names: MaskingCase[] = [
  mask('je m’appelle', "Je m'appelle Jean Dupont et j'ai 67 ans.", "Je m'appelle {name} et j'ai 67 ans."),
  mask('je m’appelle, lower case', 'bonjour je m appelle fatima benali, je suis perdue', 'bonjour je m appelle {name}, je suis perdue'),
  mask('je mappelle typo', 'jmappelle pas, je mappelle Kevin', 'jmappelle pas, je mappelle {name}'),
  mask('Mme', "Mme Martin m'a reçue à l'accueil", "Mme {name} m'a reçue à l'accueil"),
  mask('Mme with a dot and no space', 'rdv avec Mme.Durand', 'rdv avec Mme.{name}'),
  mask('M.', 'M. Dupont était absent', 'M. {name} était absent'),
  mask('Monsieur, first and last name in capitals', 'Monsieur Jean-Pierre DUPONT', 'Monsieur {name}'),
  mask('madame, lower case', "madame lefebvre ne m'a jamais rappelé", "madame {name} ne m'a jamais rappelé"),
  mask('Madame then the name of the service', "Madame Martin de la CAF m'a dit", "Madame {name} de la CAF m'a dit"),
  mask('Docteur', 'le Docteur Nguyen a fait le certificat', 'le Docteur {name} a fait le certificat'),
  mask('docteur, lower case then a capital', 'le docteur Lemoine', 'le docteur {name}'),
  mask('Maître', "Maître Durand, mon avocate, m'a aidée", "Maître {name}, mon avocate, m'a aidée"),
  mask('Me (maître)', 'Me Rousseau a envoyé le courrier', 'Me {name} a envoyé le courrier'),
  mask('Breton name with Le', 'Monsieur Le Goff a refusé', 'Monsieur {name} a refusé'),
  mask('particle', 'Mme de La Fontaine', 'Mme {name}'),
  mask('function then name', 'Madame la juge Martin a tranché', 'Madame la juge {name} a tranché'),
  mask('relative', 'mon fils Lucas a 12 ans', 'mon fils {name} a 12 ans'),
  mask('agent by first name', "la conseillère Nadia m'a bien aidée", "la conseillère {name} m'a bien aidée"),
  mask('je suis + first and last name', 'Bonjour, je suis Marie Dupont, allocataire', 'Bonjour, je suis {name}, allocataire'),
  mask('form fields', 'Nom : DUPONT\nPrénom : Jean', 'Nom : {name}\nPrénom : {name}'),
  mask('signature after Cordialement', "Merci d'avance.\nCordialement,\nJean Dupont", "Merci d'avance.\nCordialement,\n{name}"),
  mask('signature on the same line', 'Cordialement Marie-Thérèse Petit', 'Cordialement {name}'),
  mask('signature in lower case', 'bien cordialement\njean dupont', 'bien cordialement\n{name}'),
  mask('signature with initial', 'Bien à vous, J. Martin', 'Bien à vous, {name}'),
  mask('signature with title', 'Salutations distinguées.\nMme Fournier', 'Salutations distinguées.\nMme {name}'),
  mask('signature then phone', 'Cordialement, Paul Girard 06 12 34 56 78', 'Cordialement, {name} {phone}'),
  mask('first name alone under merci', "Le site ne marche pas.\nMerci pour tout\nSophie", 'Le site ne marche pas.\nMerci pour tout\n{name}'),
  mask('full name alone on the last line', "Je n'ai toujours pas reçu ma carte.\nKarim Haddad", "Je n'ai toujours pas reçu ma carte.\n{name}"),
  mask('merci then a capitalised name', 'Merci Amandine 🙏', 'Merci {name} 🙏'),
  mask('signature with emoji in between', 'Cordialement 🙂 Lucie Fabre', 'Cordialement 🙂 {name}'),
  mask('Mr', 'mr dupont au guichet 3', 'mr {name} au guichet 3'),
  mask('compound first name after je suis', "Je suis Jean-Pierre et j'habite à Lens", "Je suis {name} et j'habite à Lens"),
  mask('form written inline', 'nom: martin prenom: julie', 'nom: {name} prenom: {name}'),
  mask('family', 'Cordialement\nLa famille Martin', 'Cordialement\nLa famille {name}'),
  mask('maiden name', 'Mme Martin née Dupont', 'Mme {name} née {name}'),
  mask('two given names and two family names', "Je m'appelle Ahmed Ben Salah", "Je m'appelle {name}"),
  mask('couple in a signature', 'Bien cordialement\n\nMonsieur et Madame DURAND', 'Bien cordialement\n\nMonsieur et Madame {name}'),
  mask('d’ particle', "M. d'Artagnan", 'M. {name}'),
  mask('initial and name after cdt', 'cdt\nP. Durand', 'cdt\n{name}'),
  mask('first name and initial under merci', 'Merci !!! 😡\nSophie M.', 'Merci !!! 😡\n{name}'),
  mask('couple, abbreviated', 'Cordialement\n\nMme et M. Lefebvre', 'Cordialement\n\nMme et M. {name}'),
  mask('first name after merci d’avance', "Merci d'avance, Paul", "Merci d'avance, {name}"),
];

const birthDates: MaskingCase[] = [
  mask('né le, words', 'je suis né le 12 mars 1985 à Lyon', 'je suis né le {birth-date} à Lyon'),
  mask('née le, digits', 'ma fille née le 03/04/2015', 'ma fille née le {birth-date}'),
  mask('né(e)', 'né(e) le : 1er janvier 1950', 'né(e) le : {birth-date}'),
  mask('date de naissance', 'date de naissance : 12.03.85', 'date de naissance : {birth-date}'),
  mask('DDN', 'DDN 1985-03-12', 'DDN {birth-date}'),
  mask('née à … le', 'née à Saint-Denis le 5 juin 1978', 'née à Saint-Denis le {birth-date}'),
  mask('né en + year', 'mon père né en 1942 ne sait pas utiliser internet', 'mon père né en {birth-date} ne sait pas utiliser internet'),
  mask('nee without accent', 'nee le 14 02 1990', 'nee le {birth-date}'),
  mask('born in a country', 'Je suis née en Algérie en 1960', 'Je suis née en Algérie en {birth-date}'),
  mask('born in a town with brackets', 'né à Oran (Algérie) le 3 mai 1960', 'né à Oran (Algérie) le {birth-date}'),
];

/** What must never be masked: no false positive here is acceptable. */
const mustKeep: MaskingCase[] = [
  // dates
  keep('date with slashes', 'Le 12/03/2024 j’ai déposé mon dossier.'),
  keep('date and time with dots', 'rdv le 06.12.2024 10.30'),
  keep('date and time', 'rendez-vous le 06/12/2024 10:30 à la mairie'),
  keep('date with spaces', 'reçu le 06 12 2024 seulement'),
  keep('ISO date', 'échéance 2024-03-12'),
  keep('dates in words', 'du 1er avril au 15 mai 2024, puis le lundi 3 juin'),
  keep('date with dashes', 'courrier daté du 12-03-2024'),
  keep('two dates', 'entre le 01/02/2024 et le 15/03/2024'),
  keep('birth certificate request', "j'ai demandé l'acte de naissance le 3 mars 2023"),
  keep('year', 'depuis 2019 je touche le RSA'),
  keep('years', 'en 2021, 2022 et 2023'),
  keep('four years in a row', 'années 2021 2022 2023 2024'),
  keep('an « année » then a year', "l'année 2023 a été dure, les données 2024 aussi"),
  // amounts
  keep('amount with decimals', 'On m’a retiré 1 234,56 € sur mon RSA.'),
  keep('amount with euros', 'un trop-perçu de 2500 euros'),
  keep('large amount', 'une dette de 1 234 567 € selon eux'),
  keep('amount EUR', 'montant 12345678,90 EUR'),
  keep('big amount without spaces', 'ils réclament 1234567890 €'),
  keep('amount with a no-break space', 'aide de 1\u00A0500 €'),
  keep('percentage', 'une baisse de 12,5 % de mes APL'),
  // postcodes, places
  keep('postcode alone', "J'habite dans le 59000"),
  keep('postcode and town', 'je suis à Lille (59000), la CAF du Nord'),
  keep('town and postcode', 'Roubaix 59100'),
  keep('public services and places', 'la CAF de Lille et la France Services de Roubaix'),
  keep('office names', 'la mairie de Saint-Denis, la préfecture du Nord et France Travail'),
  keep('department in brackets', 'CPAM du Nord (59) et CAF des Hauts-de-Seine (92)'),
  // times, counts, durations
  keep('times', 'ouvert de 8 h 30 à 12 h, puis 14h-17h, ou 9:00'),
  keep('counts', "j'ai 3 enfants, 45 ans, et j'ai appelé 12 fois"),
  keep('ages and durations', 'depuis 2 ans et 6 mois, mon fils de 17 ans'),
  keep('rooms', 'un T3 de 65 m² au 2e étage'),
  // administration numbers
  keep('cerfa', 'le formulaire cerfa n° 12345*03 et le cerfa 15646*01'),
  keep('articles of law', 'selon l’article L. 123-4 du code de la sécurité sociale et l’article R262-1'),
  keep('decree', 'décret n° 2019-1234 du 6 décembre 2019'),
  keep('law', 'la loi n° 2016-1321 pour une République numérique'),
  keep('tax forms', 'la déclaration 2042 C PRO et le formulaire 2044'),
  keep('service numbers', "j'ai appelé le 3949 puis le 3646, le 39 39 et le 3230"),
  keep('Solidarité Numérique', 'la ligne Solidarité Numérique au 0 806 000 245'),
  keep('free number', 'le numéro vert 0 800 123 456'),
  keep('shared cost number', 'service client 08 09 40 04 00'),
  keep('emergency numbers', 'le 115, le 119, le 17 et le 112'),
  keep('queue ticket', 'ticket n°42 au guichet 3, bureau 204'),
  keep('steps and pages', 'bloqué à l’étape 3 sur 5, page 12'),
  keep('version', 'appli version 2.3.1 sur Android 13'),
  // functions and salutations
  keep('Madame la Maire', 'Madame la Maire, je vous écris'),
  keep('Monsieur le Préfet', 'Monsieur le Préfet du Nord'),
  keep('Madame, Monsieur', 'Madame, Monsieur,\nJe vous écris car'),
  keep('Madame Monsieur without comma', 'Madame Monsieur bonjour'),
  keep('the doctor, no name', 'le docteur m’a dit que'),
  keep('the director of a service', 'Monsieur le Directeur de la CPAM'),
  keep('Mme la conseillère', "Mme la conseillère m'a aidée"),
  keep('a lady at the desk', 'la dame à l’accueil était très gentille'),
  keep('monsieur then adjective', 'le monsieur très aimable du guichet'),
  keep('merci then a service', 'Merci France Travail'),
  keep('je suis + nationality', 'je suis Française et retraitée'),
  keep('closing alone', 'Cordialement.'),
  keep('merci beaucoup', 'merci beaucoup pour votre aide'),
  keep('last line not a name', "j'attends toujours.\nBonne journée"),
  keep('a question after merci', 'Merci. Pourquoi ?'),
  keep('an exclamation under merci', 'Merci\nBravo'),
  keep('an elided verb after a closing', "À bientôt J'espère"),
  keep('a signature that is no name', 'Salutations\nCitoyen en colère'),
  keep('a function as signature', 'Cordialement\nLe directeur'),
  keep('service on the last line', 'Merci de votre réponse\nService Public'),
  // things that look like addresses
  keep('lessons', "j'ai suivi 3 cours de maths"),
  keep('parking', "2 places de parking et 1 route barrée"),
  keep('route number', 'sur la D 934 puis la N7'),
  keep('street without number, no cue', 'la CAF est rue de Lille'),
  // numbers near cues
  keep('dossier with a date', 'dossier déposé le 12/03/2024'),
  keep('dossier with a year', 'mon dossier 2023 est perdu'),
  keep('dossier without number', 'numéro de dossier ? je ne l’ai pas'),
  keep('tel cue, service', 'tél : 3949'),
  keep('tel cue and a date', 'téléphoné le 12/03/2024 à 10h'),
  keep('phone cue, service line', 'appeler le 0 806 000 245'),
  keep('reference to a cerfa', 'référence cerfa 12345*03'),
  keep('amount after a cue', 'mon compte a 150000 € de découvert, non 1500 €'),
  keep('plus sign in an amount', '+10 % de loyer, soit 1 200 €'),
  keep('list of dates', 'Passage les 15/11/22 - 13/12/22 - 10/01/23 - 07/03/23'),
  keep('dates with dashes in a row', 'permanences 06-12-24 08-01-25 05-02-25'),
  keep('a place with @ in its name', "l'espace Cyber@base de Valence"),
  keep('acronym with dots', 'la Manufacture des C.I.M.E.S. de Gréolières'),
  keep('parking space', "j'ai 1 place de parking"),
  keep('a year before a street word', "en 2019 j'ai déménagé"),
  keep('procedure steps with numbers', 'étape 2 : cliquer sur « Valider », étape 3 : 15 jours d’attente'),
  keep('hours and amounts together', 'le 3 mars à 14 h, 1 500,00 € versés, 20 % retenus'),
  keep('RSA amount', 'RSA de 607,75 € pour une personne seule'),
  keep('postcode ranges', 'pour les codes postaux 59000 à 59999'),
  keep('service line with spaces', 'appelez le 0 800 130 000 (numéro vert)'),
  keep('mixed case service name', 'j’ai écrit à ma CAF via le site caf.fr'),
  keep('website', 'sur www.service-public.fr et impots.gouv.fr'),
  keep('the agent (function, no name)', "l'agent d'accueil m'a renvoyée vers la conseillère"),
  keep('Monsieur alone then a verb', 'Monsieur, vous ne répondez jamais'),
  keep('M. le maire', "J'ai contacté M. le maire"),
  keep('Docteur alone', 'Docteur, je vous écris car'),
  keep('years and ages', 'né(e)s après 1990, les jeunes de 18 à 25 ans'),
  keep('numéro de dossier without number', 'on m’a demandé mon numéro de dossier mais je ne l’ai pas'),
  keep('an identifier cue then a year', 'mon identifiant depuis 2019 ne marche plus'),
  keep('SIREN without a cue', 'le montant 732 829 320 apparaît'),
  keep('decimal figures', 'taux de 0,612345678 appliqué'),
  keep('« lieu dit » as a verb', 'chaque bouton d’un lieu dit de quel lieu il s’agit'),
];

/** Whole stories, as they arrive: several kinds mixed, with typos and emoji. */
export const stories: MaskingCase[] = [
  mask(
    'CAF story',
    "Bonjour, je m'appelle Fatima Benali 😓 et depuis le 12/03/2024 la CAF de Roubaix a suspendu mes APL (312,45 €/mois). " +
      "Mon numéro d'allocataire : 1234567. J'ai appelé le 3230 plus de 10 fois, on m'a dit de renvoyer le cerfa n° 12345*03. " +
      "Vous pouvez me joindre au 06.12.34.56.78 ou fatima.benali59@gmail.com. J'habite 12 bis rue des Lilas, 59100 Roubaix.\n" +
      'Cordialement,\nFatima Benali',
    "Bonjour, je m'appelle {name} 😓 et depuis le 12/03/2024 la CAF de Roubaix a suspendu mes APL (312,45 €/mois). " +
      "Mon numéro d'allocataire : {benefit-number}. J'ai appelé le 3230 plus de 10 fois, on m'a dit de renvoyer le cerfa n° 12345*03. " +
      "Vous pouvez me joindre au {phone} ou {email}. J'habite {address}.\n" +
      'Cordialement,\n{name}',
  ),
  mask(
    'France Travail story, lower case and no accents',
    'bjr mon identifiant france travail c est 7654321J et mon conseiller Monsieur Morel ne repond jamais, ' +
      'tel 0781223344. radie le 01/02/2024 sans raison!!! merci',
    'bjr mon identifiant france travail c est {france-travail-id} et mon conseiller Monsieur {name} ne repond jamais, ' +
      'tel {phone}. radie le 01/02/2024 sans raison!!! merci',
  ),
  mask(
    'Tax story',
    "Sur impots.gouv.fr impossible de me connecter avec mon numéro fiscal 12 34 567 890 123. Le 39 40 m'a dit d'attendre. " +
      'Remboursement de 1 250 € promis sur mon IBAN FR76 3000 6000 0112 3456 7890 189. Mme Lefèvre du SIP a été très gentille.',
    "Sur impots.gouv.fr impossible de me connecter avec mon numéro fiscal {tax-number}. Le 39 40 m'a dit d'attendre. " +
      'Remboursement de 1 250 € promis sur mon IBAN {iban}. Mme {name} du SIP a été très gentille.',
  ),
  mask(
    'Health insurance story',
    "ma carte vitale ne marche plus, n° 2 90 01 75 123 456 05. la CPAM (36 46) dit que c'est en cours depuis le 3 janvier. " +
      'Ma fille née le 14/07/2012 n’est plus rattachée.',
    "ma carte vitale ne marche plus, n° {nir}. la CPAM (36 46) dit que c'est en cours depuis le 3 janvier. " +
      'Ma fille née le {birth-date} n’est plus rattachée.',
  ),
  mask(
    'ANTS story',
    "Demande de carte grise pour ma voiture immatriculée GH-456-JK, dossier n° 2024-ANTS-778899. Frais : 13,76 €. " +
      "Le site m'a demandé mon permis de conduire n° 12AA34567 trois fois. Merci\nKarim",
    'Demande de carte grise pour ma voiture immatriculée {vehicle-registration}, dossier n° {file-number}. Frais : 13,76 €. ' +
      "Le site m'a demandé mon permis de conduire n° {identity-document} trois fois. Merci\n{name}",
  ),
];

/** Every case, for the runners. */
export const allCases: MaskingCase[] = [
  ...emails,
  ...phones,
  ...socialSecurity,
  ...bankAndCards,
  ...identifiers,
  ...addresses,
  ...names,
  ...birthDates,
  ...mustKeep,
  ...stories,
];
