/**
 * Word lists that tell a person's name from everything else after a cue (« Madame la Maire », « le docteur a
 * dit », « la CAF de Lille »). Folded: lower case, no accents, ASCII apostrophe. Kept short: they ship to browsers.
 */
const set = (words: string): ReadonlySet<string> => /* @__PURE__ */ new Set(words.split(' '));

/** Grammar words, common verbs and adjectives met after « madame », « monsieur », a closing or a street type. */
export const STOP_WORDS = set(
  'a à au aux avec apres avant aussi alors ai as avons avez ont avait avaient aura aurait bien bon bonne bonjour ' +
    'bonsoir bref c ca car ce ceci cela ces cet cette chez comme dans de des deja depuis desole desolee dit disait ' +
    'donc dont du elle elles en encore enfin ensuite entre est et etait etaient ete etre eux fait faisait fin ' +
    'il ils ici j je jamais journee l la le les leur leurs lors lorsque lui m ma mais mal me meme merci mes moi ' +
    'moins mon n ne ni non nos notre nous on ou oui par pas pendant peu peut pouvait plus pour pourtant puis qu ' +
    'quand que qui quoi s sa salut sans se semble semblait sera serait ses si soiree son sont sous sur t ta te tes ' +
    'toi ton toujours tous tout toute toutes tres trop tu un une va vers voila vos votre vous y deux trois ' +
    'repond repondu explique refuse demande voulait veut doit devait sait savait pense trouve voir vu ' +
    'gentil gentille aimable agreable desagreable sympa sympathique poli polie impoli impolie competent competente ' +
    'charmant charmante patient patiente souriant souriante adorable odieux odieuse froid froide vraiment ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche demain hier aujourd aujourd\'hui maintenant ' +
    'beaucoup infiniment avance cordialement salutations cdt cdlt signe urgent attention ps nb ' +
    'rien personne quelqu\'un quelqu autre autres concernant objet suite reponse ' +
    // the next field of a form written inline (« nom: martin prenom: julie »)
    'nom prenom adresse tel telephone mail email courriel ne nee date ' +
    // questions and exclamations that end a story (« Merci. Pourquoi ? », « Merci\nBravo »)
    'pourquoi comment combien bravo super nul aucun aucune sinon ok dommage helas courage vivement',
);

/** Determiners before a function: « Madame la Maire », « Monsieur le Préfet », « Maître l'huissier ». */
export const DETERMINERS = set("le la les l' l");

/** Functions held by people: after them a name may follow, but they are not names. */
export const FUNCTIONS = set(
  'maire adjoint adjointe prefet prefete directeur directrice president presidente conseiller conseillere ' +
    'ministre depute deputee senateur senatrice juge procureur procureure greffier greffiere agent agente ' +
    'responsable chef cheffe secretaire assistant assistante mediateur mediatrice defenseur defenseure ' +
    'commissaire inspecteur inspectrice controleur controleuse gestionnaire technicien technicienne medecin ' +
    'docteur docteure infirmier infirmiere avocat avocate notaire huissier gendarme policier policiere ' +
    'capitaine commandant lieutenant delegue deleguee coordinateur coordinatrice referent referente charge ' +
    'chargee employe employee principal principale proviseur proviseure instituteur institutrice professeur ' +
    'professeure recteur rectrice doyen doyenne administrateur administratrice receveur receveuse',
);

/** Public services, bodies and places: never a name, and a name stops before them (« Mme Martin de la CAF »). */
export const ORGANISATIONS = set(
  'caf cpam msa urssaf carsat cnav cnaf ants dgfip sip sie mdph crous ameli cnam ars pmi ccas cias ' +
    'france travail pole emploi prefecture mairie impots impot tresor public publique publics publiques ' +
    'service services secu securite sociale assurance maladie retraite agirc arrco poste banque tribunal ' +
    'conseil departement region ministere gendarmerie police commissariat hopital clinique ecole college lycee ' +
    'universite etat gouvernement republique administration agence maison centre accueil guichet ' +
    'franceconnect solidarite numerique',
);

/** Civility and professional titles, skipped when they stand before a name inside a signature. */
export const TITLES = set('m mr mme mlle melle mmes madame monsieur mademoiselle dr docteur docteure pr professeur me maitre');

/** Particles inside a name (« de La Fontaine », « Van der Berg », « Ben Ali »). */
export const PARTICLES = set("de du des d' d van von der den ben bin ibn el al di da dos das del della ter");

/** Elided words that start a token (« m'a », « l'agent », « d'accord »): in lower case, not a name. */
export const ELISIONS = set("l d j m t s n c qu jusqu lorsqu puisqu");

/** Words a street name stops before (« 12 rue des Lilas depuis 10 ans »). */
export const STREET_STOP_WORDS = set(
  'et a à au aux depuis pour mais ou où qui que car donc je j il elle on nous vous ils elles mon ma mes son sa ' +
    'ses dans avec sans chez puis alors quand est etait ai avait sont ce c ca en y ne n me m se s sur sous par ' +
    'vers tres plus pendant lors apres avant rien comme si quand depuis',
);

/** What « 1 place de … » also means: a seat or a space, not a square. */
export const NOT_PLACES = set('parking stationnement libre cinema spectacle concert theatre creche garderie train avion bus match');

/** A flat, a building, a PO box: the street name ends there, the address goes on. */
export const ADDRESS_COMPLEMENTS = set('appartement appart appt apt batiment bat escalier etage logement chambre bp cs');

/** Month names: a number after one is a year, part of a street name (« rue du 8 Mai 1945 »). */
export const MONTHS = set('janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre');
