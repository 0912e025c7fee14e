/**
 * The administration's dashboard (in the agents' back office, /agents/avis): satisfaction per procedure, per page step and over time, as tables (the
 * reference) with bar charts beside them (decorative copies of the tables, so screen readers read the table
 * once). Server-rendered HTML that works without JavaScript; aggregates only, never the comments.
 */
import type { Stats, Satisfaction } from './stats.ts';
import { DIFFICULTY_LABELS, HELP_LABELS } from './schemas.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const number = (n: number | null, digits = 1) =>
  n === null ? '—' : new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
const percent = (part: number, total: number) => (total === 0 ? '—' : `${Math.round((part / total) * 100)} %`);


/** Stacked bar of the three answers, drawn in CSS classes (no inline style: the page runs under a strict CSP). */
function bar(s: Satisfaction): string {
  if (s.count === 0) return '';
  const w = (n: number) => Math.round((n / s.count) * 100);
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
<rect class="good" x="0" y="0" width="${w(s.answers.good)}" height="10"/>
<rect class="medium" x="${w(s.answers.good)}" y="0" width="${w(s.answers.medium)}" height="10"/>
<rect class="bad" x="${w(s.answers.good) + w(s.answers.medium)}" y="0" width="${100 - w(s.answers.good) - w(s.answers.medium)}" height="10"/>
</svg>`;
}

function satisfactionCells(s: Satisfaction): string {
  return `<td>${s.count}</td><td>${percent(s.answers.good, s.count)}</td><td>${percent(s.answers.medium, s.count)}</td><td>${percent(s.answers.bad, s.count)}</td><td>${number(s.scoreOutOf5)}</td><td>${number(s.scoreOutOf10)}</td><td class="chart">${bar(s)}</td>`;
}

const SATISFACTION_HEAD = '<th scope="col">Avis</th><th scope="col">Très bien</th><th scope="col">Moyen</th><th scope="col">Pas bien</th><th scope="col">Note sur 5</th><th scope="col">Note sur 10</th><th scope="col"><span class="visually-hidden">Répartition (graphique)</span></th>';

/**
 * The dashboard's content (the back office's layout wraps it). `csrfField` goes in the export form (a POST: an
 * export is recorded in the audit log, so no other site may trigger one); `problems` are filters that were ignored.
 */
export function dashboardMain(stats: Stats, procedures: string[], csrfField: string, problems: string[] = []): string {
  const f = stats.filters;
  const options = ['<option value="">Toutes les démarches</option>', ...procedures.map((p) => `<option value="${escape(p)}"${p === f.procedure ? ' selected' : ''}>${escape(p)}</option>`)].join('');
  const table = (caption: string, head: string, rows: string[], empty = 'Aucun avis pour cette période.') =>
    rows.length
      ? `<div class="table table-scroll"><table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
      : `<p>${empty}</p>`;
  const counts = (labels: Record<string, string>, values: Record<string, number>) =>
    Object.entries(values)
      .map(([k, v]) => `<tr><th scope="row">${escape(labels[k] ?? k)}</th><td>${v}</td><td>${percent(v, stats.total.count)}</td></tr>`)
      .join('');
  const hidden = (name: string, value: string | undefined) => (value ? `<input type="hidden" name="${name}" value="${escape(value)}">` : '');
  return `<h1>Tableau de bord des avis</h1>
${problems.length ? `<div class="error-summary" role="alert"><p>Filtre en partie ignoré :</p><ul>${problems.map((p) => `<li>${escape(p)}</li>`).join('')}</ul></div>` : ''}
<p>Les avis sont anonymes. Ce tableau ne montre que des totaux, jamais les commentaires (ils sont dans l’export CSV).</p>
<form method="get" action="/agents/avis" class="filters">
<p><label for="procedure">Démarche</label><select id="procedure" name="procedure">${options}</select></p>
<p><label for="from">Du <span class="hint">(AAAA-MM-JJ)</span></label><input id="from" name="from" type="date" value="${escape(f.from ?? '')}"></p>
<p><label for="to">Au <span class="hint">(AAAA-MM-JJ, inclus)</span></label><input id="to" name="to" type="date" value="${escape(f.to ?? '')}"></p>
<p><button type="submit">Afficher</button></p>
</form>
<form method="post" action="/agents/avis/export.csv" class="export">${csrfField}${hidden('procedure', f.procedure)}${hidden('from', f.from)}${hidden('to', f.to)}
<p><button type="submit" class="secondary">Exporter ces avis en CSV<span class="visually-hidden"> (commentaires compris, filtre ci-dessus)</span></button> <span class="hint">Fichier CSV UTF-8 pour tableur ; chaque export est inscrit au journal.</span></p>
</form>
<h2>En résumé</h2>
<p class="summary">${stats.total.count} avis. Note de satisfaction : <strong>${number(stats.total.scoreOutOf5)} sur 5</strong> (${number(stats.total.scoreOutOf10)} sur 10). Clarté des informations : ${number(stats.clarity.average)} sur 5 (${stats.clarity.count} réponses).</p>
<p class="legend" aria-hidden="true"><span class="key good"></span> Très bien <span class="key medium"></span> Moyen <span class="key bad"></span> Pas bien</p>
<h2>Par démarche</h2>
${table('Satisfaction par démarche', `<th scope="col">Démarche</th>${SATISFACTION_HEAD}`, stats.byProcedure.map((r) => `<tr><th scope="row">${escape(r.procedure)}</th>${satisfactionCells(r)}</tr>`))}
<h2>Par étape de la démarche</h2>
${table('Satisfaction par étape', `<th scope="col">Démarche</th><th scope="col">Étape</th>${SATISFACTION_HEAD}`, stats.byPageStep.map((r) => `<tr><th scope="row">${escape(r.procedure)}</th><td>${escape(r.pageStep ?? 'non précisée')}</td>${satisfactionCells(r)}</tr>`))}
<h2>Dans le temps</h2>
${table('Satisfaction par jour', `<th scope="col">Jour</th>${SATISFACTION_HEAD}`, stats.byDay.map((r) => `<tr><th scope="row">${escape(r.day)}</th>${satisfactionCells(r)}</tr>`))}
<h2>Difficultés rencontrées</h2>
${table('Difficultés rencontrées (plusieurs réponses possibles)', '<th scope="col">Difficulté</th><th scope="col">Avis</th><th scope="col">Part des avis</th>', [counts(DIFFICULTY_LABELS, stats.difficulties)])}
<h2>Aide recherchée</h2>
${table('Aide recherchée pendant la démarche', '<th scope="col">Aide</th><th scope="col">Avis</th><th scope="col">Part des avis</th>', [counts(HELP_LABELS, stats.help)])}
<h2>« Je suis bloqué » dans les tutoriels</h2>
${table('Nombre de « Je suis bloqué » par étape de tutoriel', '<th scope="col">Tutoriel</th><th scope="col">Étape</th><th scope="col">Nombre</th>', stats.blocked.map((b) => `<tr><th scope="row">${escape(b.tutorial)}</th><td>${b.step}</td><td>${b.count}</td></tr>`), 'Aucun « Je suis bloqué » reçu (le compte n’est envoyé que si l’administration l’a activé).')}`;
}

export const DASHBOARD_CSS = `*,*::before,*::after{box-sizing:border-box}
html{font-family:arial,sans-serif;line-height:1.5;color:#161616;background:#fff}
body{margin:0}
header{border-bottom:1px solid #ddd;padding:1rem 1.5rem}
.brand{margin:0;font-weight:700}
main{max-width:70rem;margin:0 auto;padding:1.5rem}
h1{font-size:2rem;margin:0 0 1rem;overflow-wrap:anywhere}h2{font-size:1.375rem;margin:2rem 0 .75rem}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;padding:1rem;background:#f6f6f6}
.filters p{margin:0}label{display:block;font-weight:700}.hint{font-weight:400;color:#666;font-size:.875rem}
select,input,button{font:inherit;min-height:2.75rem;padding:.5rem .75rem;border:0;border-bottom:2px solid #3a3a3a;background:#eee;color:#161616}
button{background:#000091;color:#fff;border:2px solid #000091;cursor:pointer}
:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
.table{overflow-x:auto;position:relative}
table{border-collapse:collapse;min-width:100%}caption{text-align:left;font-weight:700;padding:.5rem 0}
th,td{border-bottom:1px solid #929292;padding:.375rem .5rem;text-align:left;vertical-align:middle}
td.chart{width:10rem}.bar{width:10rem;height:1rem;display:block}
.good{fill:#18753c;background:#18753c}.medium{fill:#b34000;background:#b34000}.bad{fill:#ce0500;background:#ce0500}
.legend .key{display:inline-block;width:1rem;height:1rem;vertical-align:middle;margin-left:.75rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip a{position:absolute;top:-10rem;left:0}.skip a:focus{position:static;display:inline-block;padding:.5rem}
header{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:center}
header nav ul,.pagination ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
a{color:#000091}main:focus{outline:none}
.story{border-top:1px solid #929292;padding:1rem 0;overflow-wrap:anywhere}.story h3{font-size:1.125rem;margin:0 0 .5rem}
.queue{list-style:none;margin:0;padding:0}select{max-width:100%}.meta{color:#3a3a3a;font-size:.875rem}
.answer{border-left:4px solid #000091;padding:0 1rem;margin:1rem 0 0}
.indicators{display:flex;flex-wrap:wrap;gap:1.5rem;list-style:none;padding:0}
.chart{margin:1.5rem 0}.chart h3{font-size:1.125rem;margin:0 0 .25rem}.chart .summary{margin:0 0 .5rem}
.bars{display:block;overflow:visible}.bars text{fill:#161616;font-size:.875rem}.bars .label{font-weight:700}.bars rect{fill:#000091}.bars line{stroke:#3a3a3a;stroke-width:1}
.error-summary{padding:0 1rem;border-left:4px solid #ce0500;background:#f6f6f6}.export{margin-top:1rem}
.status{padding:1rem;background:#f6f6f6}.notice{padding:1rem;border-left:4px solid #18753c;background:#f6f6f6}.error-text{color:#ce0500;font-weight:700}
textarea{font:inherit;width:100%;min-height:8rem;padding:.5rem .75rem;border:0;border-bottom:2px solid #3a3a3a;background:#eee;color:#161616}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}.actions form{margin:0;min-width:0;max-width:100%}
button.secondary{background:#fff;color:#000091}
fieldset{border:0;padding:0;margin:1rem 0}legend{font-weight:700;padding:0}.choice{display:flex;gap:.5rem;align-items:center;margin:.25rem 0}
.choice label{font-weight:400;padding:.625rem 0}a.target,.error-summary a{display:inline-flex;align-items:center;min-height:2.75rem}.choice input{min-height:0;width:1.5rem;height:1.5rem;flex:none;margin:0}
input[type=text],input[type=email]{display:block;width:100%;max-width:40rem}[aria-invalid=true]{border-bottom-color:#ce0500;border-bottom-width:3px}
@media print{header,.filters,.pagination,.skip{display:none}main{padding:0}}
@media (forced-colors:active){.bar rect,.bars rect{fill:CanvasText}.bars text{fill:CanvasText}.bars line{stroke:CanvasText}.legend{display:none}}
@media (prefers-color-scheme:dark){html{background:#161616;color:#eee}.filters{background:#242424}select,input{background:#2a2a2a;color:#eee;border-bottom-color:#aaa}button{background:#8585f6;border-color:#8585f6;color:#161616}a{color:#a9a9ff}.meta{color:#cecece}.status,.notice,.chart{margin:1.5rem 0}.chart h3{font-size:1.125rem;margin:0 0 .25rem}.chart .summary{margin:0 0 .5rem}
.bars{display:block;overflow:visible}.bars text{fill:#161616;font-size:.875rem}.bars .label{font-weight:700}.bars rect{fill:#000091}.bars line{stroke:#3a3a3a;stroke-width:1}
.error-summary{background:#242424}.error-text{color:#ff9c8f}[aria-invalid=true]{border-bottom-color:#ff9c8f}textarea{background:#2a2a2a;color:#eee}button.secondary{background:#161616;color:#8585f6}.bars text{fill:#eee}.bars rect{fill:#8585f6}.bars line{stroke:#aaa}th,td{border-bottom-color:#666}.hint{color:#a6a6a6}}
`;

export const DASHBOARD_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#000091"/><path d="M4 11V7h2v4H4Zm3 0V4h2v7H7Zm3 0V6h2v5h-2Z" fill="#fff"/></svg>';
