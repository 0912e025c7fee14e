/**
 * Published stories for the demo's procedure, so that /experiences.html and /experiences/demande-logement show what
 * an administration's page looks like after some weeks: 24 stories (more than one page of the public API), every
 * feeling, how the procedure was done, some with the administration's signed answer. The texts go through
 * @aide/masking like every story the collector stores (one holds a phone number, masked). Written once: a database
 * that already has published stories for the procedure is left as it is.
 * Used by `npm run demo` and the screen-reader journeys (scripts/serve-demo.ts --demo-stories).
 */
import { createHash, randomBytes } from 'node:crypto';
import { maskPersonalData } from '@aide/masking';
import type { buildCollector } from '@aide/collector';

type Store = Awaited<ReturnType<typeof buildCollector>>['store'];
type Feeling = 'positive' | 'negative' | 'mixed';
type Channel = 'online' | 'phone' | 'desk' | 'with-help';

const DEMO_STORIES_PROCEDURE = 'demande-logement';
const SERVICE = 'Caisse d’allocations familiales (démonstration)';

/** Newest first; `answer` comes `after` hours after publication. */
const STORIES: { feeling: Feeling; channel: Channel; text: string; answer?: { text: string; after: number } }[] = [
  {
    feeling: 'negative',
    channel: 'online',
    text: 'Le site m’a demandé trois fois mon avis d’imposition et l’a refusé à chaque fois sans dire pourquoi. J’ai fini par abandonner le soir même.',
    answer: { text: 'Merci pour votre récit. Le dépôt des avis d’imposition en PDF de plus de 2 Mo échouait : c’est réparé, et le site dit désormais la taille acceptée.', after: 2 },
  },
  {
    feeling: 'mixed',
    channel: 'with-help',
    text: 'Seule, je n’y arrivais pas avec le téléphone. La conseillère numérique de la médiathèque m’a aidée à scanner mon bail ; en vingt minutes c’était fait.',
    answer: { text: 'Merci. Les lieux d’aide proches sont proposés par le bouton « Besoin d’aide ? » de chaque page de la démarche.', after: 20 },
  },
  { feeling: 'positive', channel: 'online', text: 'Très simple, le tutoriel pour scanner un document m’a bien servi. Demande faite en un quart d’heure.' },
  {
    feeling: 'negative',
    channel: 'phone',
    text: 'J’ai appelé quatre fois avant d’avoir quelqu’un. On m’a dit de rappeler au 06 12 34 56 78 mais ce numéro ne répond jamais.',
    answer: { text: 'Nous sommes désolés de cette attente. Le numéro qui vous a été donné n’était pas le bon : la ligne de la caisse est le 32 30, du lundi au vendredi.', after: 30 },
  },
  { feeling: 'mixed', channel: 'online', text: 'La demande s’est bien passée mais je n’ai reçu aucun message pour me dire qu’elle était arrivée. J’ai attendu deux semaines sans savoir.' },
  {
    feeling: 'positive',
    channel: 'desk',
    text: 'Reçu sans rendez-vous à l’accueil, l’agent a vérifié mes pièces avec moi. Merci pour sa patience.',
    answer: { text: 'Merci pour votre message, nous le transmettons à l’équipe de l’accueil.', after: 48 },
  },
  { feeling: 'negative', channel: 'online', text: 'La page a expiré pendant que je cherchais mon numéro d’allocataire et j’ai tout perdu. Il a fallu recommencer depuis le début.' },
  { feeling: 'positive', channel: 'online', text: 'Les questions sont claires et on voit où on en est. Rien à redire.' },
  {
    feeling: 'mixed',
    channel: 'phone',
    text: 'Au téléphone on m’a bien expliqué, mais il a fallu envoyer les papiers par courrier ensuite. Ce serait plus simple de tout faire au même endroit.',
    answer: { text: 'Vous pouvez désormais déposer les pièces demandées au téléphone depuis votre espace, rubrique « Mes documents ».', after: 72 },
  },
  { feeling: 'positive', channel: 'with-help', text: 'Mon fils a fait la demande avec moi sur son ordinateur. Le guide pas à pas nous a évité de nous tromper de case.' },
  { feeling: 'negative', channel: 'desk', text: 'On m’a renvoyé vers le site alors que je n’ai pas d’ordinateur. Personne ne m’a proposé d’aide sur place.', answer: { text: 'Ce n’est pas ce que nous voulons. Chaque accueil a un poste en libre accès et un agent pour vous accompagner : nous l’avons rappelé à toutes les équipes.', after: 26 } },
  { feeling: 'mixed', channel: 'online', text: 'Le formulaire est long mais on peut l’enregistrer et reprendre plus tard, c’est appréciable.' },
  { feeling: 'positive', channel: 'online', text: 'Réponse reçue en cinq jours, bien plus vite que je ne le pensais.' },
  { feeling: 'mixed', channel: 'with-help', text: 'À France Services on m’a aidé à remplir la demande, mais il manquait une pièce et j’ai dû revenir une seconde fois.' },
  { feeling: 'positive', channel: 'phone', text: 'La personne au téléphone a pris le temps de tout me réexpliquer lentement. Je me suis sentie écoutée.', answer: { text: 'Merci beaucoup pour ce retour, il fera plaisir à l’équipe.', after: 6 } },
  { feeling: 'negative', channel: 'online', text: 'Impossible de valider la dernière étape sur mon téléphone, le bouton restait caché sous le bas de l’écran.' },
  { feeling: 'positive', channel: 'desk', text: 'Accueil agréable et rapide, j’ai eu toutes les réponses à mes questions.' },
  { feeling: 'mixed', channel: 'online', text: 'Je ne savais pas quels revenus déclarer pour mon fils étudiant. L’aide en ligne ne le dit pas clairement.', answer: { text: 'Merci, la question est ajoutée à l’aide en ligne : les revenus de votre fils sont à déclarer s’il vit chez vous.', after: 50 } },
  { feeling: 'positive', channel: 'online', text: 'Démarche faite depuis mon téléphone dans le bus, sans difficulté.' },
  { feeling: 'negative', channel: 'phone', text: 'Le serveur vocal m’a fait tourner en rond, je n’ai jamais pu parler à quelqu’un.' },
  { feeling: 'positive', channel: 'with-help', text: 'Le conseiller numérique m’a montré comment retrouver mon mot de passe, maintenant je me débrouille seule.' },
  { feeling: 'mixed', channel: 'desk', text: 'Une heure d’attente au guichet, mais ensuite tout a été réglé en dix minutes.', answer: { text: 'Vous pouvez prendre rendez-vous en ligne pour éviter l’attente, à la rubrique « Nous contacter ».', after: 24 } },
  { feeling: 'positive', channel: 'online', text: 'Les explications sur les pièces à fournir sont claires, j’avais tout sous la main.' },
  { feeling: 'negative', channel: 'online', text: 'Le message d’erreur disait seulement « erreur technique ». Je ne savais pas si ma demande était partie.' },
];

const HOUR = 3_600_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Writes the demo's published stories unless the procedure has some already; returns how many were written. */
export async function seedDemoStories(store: Store, now = Date.now()): Promise<number> {
  const existing = await store.db
    .selectFrom('stories')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('procedure', '=', DEMO_STORIES_PROCEDURE)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const rows = STORIES.map((story, i) => {
    // One every day or so, the newest a few hours ago; each published the day after it arrived.
    const moderated = now - (i * 26 + 3) * HOUR;
    const masked = maskPersonalData(story.text, { locale: 'fr' });
    const kinds = new Map<string, number>();
    for (const f of masked.found) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
    return {
      id: sha256(randomBytes(32).toString('hex')),
      public_id: randomBytes(12).toString('base64url'),
      follow_hash: sha256(randomBytes(32).toString('base64url')),
      body_hash: sha256(story.text),
      procedure: DEMO_STORIES_PROCEDURE,
      step: null,
      masked_text: masked.text,
      masked_kinds: JSON.stringify([...kinds].map(([kind, count]) => ({ kind, count }))),
      feeling: story.feeling,
      channel: story.channel,
      locale: 'fr',
      client_created_at: null,
      received_at: new Date(moderated - 20 * HOUR).toISOString(),
      status: 'published' as const,
      refusal_reason: null,
      moderated_at: new Date(moderated).toISOString(),
      answer_text: story.answer?.text ?? null,
      answer_service: story.answer ? SERVICE : null,
      answer_agent: story.answer ? 'Agent de démonstration' : null,
      answered_at: story.answer ? new Date(Math.min(now - HOUR / 2, moderated + story.answer.after * HOUR)).toISOString() : null,
    };
  });
  await store.db.insertInto('stories').values(rows).execute();
  return rows.length;
}
