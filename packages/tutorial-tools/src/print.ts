/**
 * The printable version of a tutorial: one static page with every step, served next to the chunks and opened by
 * the walkthrough's "Version imprimable" link. Built from the sanitised HTML of the chunk; no script.
 */
import type { TutorialChunk } from '@aide/walkthrough/format';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** On paper the widget's controls (the enlarge and glossary buttons) are only their content. */
const paper = (html: string) => html.replace(/<\/?button\b[^>]*>/g, '');

export function printPage(chunk: TutorialChunk): string {
  const date = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(chunk.updated));
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(chunk.title)} – tutoriel à imprimer</title>
<link rel="stylesheet" href="print.css">
</head>
<body>
<main>
<h1>${escape(chunk.title)}</h1>
<p class="summary">${escape(chunk.summary)}</p>
<p class="meta">Niveau ${escape(chunk.level)} · environ ${chunk.duration} minutes · ${chunk.steps.length} étapes · mis à jour le ${date}</p>
${chunk.prerequisites.length ? `<h2>Ce qu’il vous faut</h2><ul>${chunk.prerequisites.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>` : ''}
${paper(chunk.introHtml)}
<h2>Les étapes</h2>
<ol class="toc">${chunk.steps.map((s) => `<li><a href="#${s.id}">${escape(s.title)}</a></li>`).join('')}</ol>
${chunk.steps.map((s, i) => `<section id="${s.id}"><h2>Étape ${i + 1} sur ${chunk.steps.length} : ${escape(s.title)}</h2>${paper(s.html)}</section>`).join('\n')}
${chunk.glossary.length ? `<h2>Les mots à connaître</h2><dl>${chunk.glossary.map((g) => `<dt>${escape(g.term)}</dt><dd>${escape(g.definition)}</dd>`).join('')}</dl>` : ''}
${chunk.links.length ? `<h2>Liens utiles</h2><ul>${chunk.links.map((l) => `<li>${escape(l.title)} : ${escape(l.url)}</li>`).join('')}</ul>` : ''}
<p class="meta">Contenu sous ${escape(chunk.licence.name)}. Aide par téléphone : Solidarité Numérique, 01 70 772 372, du lundi au vendredi de 9 h à 18 h.</p>
</main>
</body>
</html>
`;
}

export const PRINT_CSS = `html { font-family: arial, sans-serif; font-size: 112.5%; line-height: 1.5; color: #161616; background: #fff; }
main { max-width: 42rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; } h2 { font-size: 1.35rem; margin-top: 2rem; border-bottom: 2px solid #000091; } h3, h4 { font-size: 1.1rem; }
img { max-width: 100%; height: auto; } .meta { color: #3a3a3a; font-size: 0.9rem; }
.callout { margin: 1rem 0; padding: 0.75rem 1rem; border-left: 4px solid #000091; background: #f5f5fe; } .callout-title { font-weight: 700; margin: 0; }
a { color: #000091; } table { border-collapse: collapse; } th, td { border: 1px solid #929292; padding: 0.25rem 0.5rem; }
@media print { section { break-inside: avoid-page; } .toc { display: none; } a { color: inherit; } }
`;
