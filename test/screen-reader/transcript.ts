/**
 * Transcripts of the screen-reader journeys, in Markdown a person can read: for each step, the keys pressed,
 * what Orca said (with the language of the voice it asked for), and what the journey checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BrowserName } from './browsers.ts';
import type { TranscriptStep } from './journey.ts';

export interface TranscriptInput {
  title: string;
  file: string;
  browser: BrowserName;
  steps: TranscriptStep[];
  error?: string | undefined;
  seconds: number;
  phases?: string;
}

const BROWSER_NAMES: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox ESR' };

function escape(text: string): string {
  return text.replace(/([\\`*_<>|[\]])/g, '\\$1');
}

/** The steps, as a list: keys in bold, Orca's words quoted, checks ticked. */
export function renderSteps(steps: TranscriptStep[], level = 2): string {
  const lines: string[] = [];
  steps.forEach((step, i) => {
    if (i === 0 && step.events.length === 0) return;
    lines.push(`${'#'.repeat(level)} ${escape(step.title)}`, '');
    for (const event of step.events) {
      const at = ` <small>${(event.at / 1000).toFixed(1)} s</small>`;
      if (event.kind === 'key') lines.push(`- ⌨ **${escape(event.key)}**${at}`);
      else if (event.kind === 'type') lines.push(`- ⌨ saisie de « ${escape(event.text)} »${at}`);
      else if (event.kind === 'heard') {
        const langs = event.utterance.langs.length ? ` _(voix : ${event.utterance.langs.join(', ')})_` : '';
        lines.push(`  - 🔊 « ${escape(event.utterance.text)} »${langs}`);
      } else lines.push(`  - ${event.ok ? '✅ attendu et entendu' : '❌ attendu, pas entendu'} : \`${event.text.replace(/`/g, "'")}\``);
    }
    lines.push('');
  });
  return lines.join('\n');
}

export function renderTranscript(input: TranscriptInput): string {
  return [
    `# ${escape(input.title)} — Orca et ${BROWSER_NAMES[input.browser]}`,
    '',
    `Parcours \`${input.file}\`, ${input.seconds} s${input.phases ? ` (${input.phases})` : ''}. ${input.error ? `**Échec** :\n\n\`\`\`\n${input.error}\n\`\`\`` : 'Réussi.'}`,
    '',
    renderSteps(input.steps, 2),
  ].join('\n');
}

export function renderDocument(
  outcomes: { file: string; title: string; browser: BrowserName; passed: boolean; transcript?: string }[],
  versions: Record<string, string>,
): string {
  const parts = [
    '# Ce que dit un lecteur d’écran',
    '',
    '> Transcriptions générées par `node --import tsx test/screen-reader/run.ts --write-doc` : ne pas modifier à la',
    '> main. À chaque `npm test`, les mêmes parcours tournent et leurs transcriptions fraîches sont écrites dans',
    '> `test-results/screen-reader/` ; ce document garde celles d’une exécution complète, pour les lire sans lancer',
    '> les tests.',
    '',
    `Lecteur d’écran : ${versions.orca ? `Orca ${versions.orca}` : 'Orca'} (GNOME), synthèse speech-dispatcher, sur un écran virtuel (Xvfb)`,
    `avec le bus d’accessibilité AT-SPI. Navigateurs : ${versions.chromium} ; ${versions.firefox}.`,
    '',
    'Chaque parcours se fait **au clavier seulement**, avec les touches du clavier de l’écran virtuel : Orca les',
    'entend comme celles d’une personne (ses commandes de navigation, H pour le titre suivant, les flèches pour',
    'lire, fonctionnent). Les phrases en 🔊 sont celles qu’Orca a prononcées, dans l’ordre, relevées dans son',
    'journal ; entre parenthèses, la langue de la voix qu’il a demandée d’après les attributs `lang` de la page.',
    'Orca dit ses propres mots en anglais (« push button » pour bouton, « heading level 2 » pour titre de niveau 2,',
    '« collapsed » pour replié) : sa langue est fixée pour que les transcriptions ne dépendent pas de la machine.',
    'Les lignes ✅ sont les vérifications du parcours : le test échoue si Orca ne dit pas ce qui est attendu.',
    '',
  ];
  parts.push(
    '## Ce que ces parcours ont montré',
    '',
    '- Orca 43 ne dit pas toujours le titre qui reçoit le focus quand la commande activée disparaît de la vue (la carte',
    '  d’un tutoriel, « Terminer », « Envoyer mon avis ») ; dans Chromium il se place même encore sur la carte disparue.',
    '  Le focus est bien sur le titre (le parcours le vérifie dans la page avant la touche suivante) : « Où suis-je ? »',
    '  le dit (dans Firefox, parfois à la deuxième demande), Tab continue depuis lui, et la région live dit ce qui s’est',
    '  passé. Les autres déplacements du focus sont dits. Défaut d’Orca 43, à confirmer avec NVDA et VoiceOver.',
    '- Dans Firefox, Orca dit « blank », « expanded » ou « alert » à quelques moments (changements d’état lus en',
    '  retard, création de la région urgente) : du bruit, sans gêne pour la suite.',
    '- Corrigé grâce à eux : le panneau était ouvert en silence (le bouton qui avait le focus disparaissait avant que',
    '  le focus ne bouge) ; le changement de vue était silencieux dans Chromium ; le bouton d’un panneau fermé était',
    '  dit « expanded » ; la zone qui défile du panneau était un arrêt muet de Tab dans Firefox ; Firefox lisait le',
    '  panneau anglais avec une voix française ; l’erreur de l’avis était dite deux fois. Dans `<aide-experiences>`, le',
    '  titre d’un récit venait en deux lignes (« Expérience négative, publiée le », puis la date, un élément `<time>`',
    '  qu’Orca lisait à part ; avec `role="none"`, Chromium perdait l’espace avant lui : la date est maintenant du texte) ;',
    '  et dans Chromium, quand un filtre remplaçait la liste par « Chargement des expériences… », Orca gardait comme',
    '  position de lecture un paragraphe disparu (la touche H repartait du haut de la page) : la liste reste maintenant',
    '  en place, marquée occupée, jusqu’à ce que la nouvelle la remplace (des éléments neufs : changée sur place, Orca',
    '  sautait son premier titre).',
    '',
    '## Parcours',
    '',
    ...outcomes.map((o) => `- [${escape(o.title)} — ${BROWSER_NAMES[o.browser]}](#${anchor(`${o.title} — ${BROWSER_NAMES[o.browser]}`)}) : ${o.passed ? 'réussi' : '**échoué**'}`),
    '',
  );
  for (const outcome of outcomes) {
    parts.push(`## ${escape(outcome.title)} — ${BROWSER_NAMES[outcome.browser]}`, '');
    parts.push(`Parcours \`${outcome.file}\` : ${outcome.passed ? 'réussi' : '**échoué**'}.`, '');
    const path = outcome.transcript ? new URL(`../../${outcome.transcript}`, import.meta.url) : null;
    if (path && existsSync(path)) {
      // The transcript without its title and summary, its parts one level down.
      const body = readFileSync(path, 'utf8').split('\n').slice(4).join('\n').trim().replace(/^## /gm, '### ');
      parts.push(body, '');
    }
  }
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The anchor GitHub gives a heading. */
function anchor(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-');
}
