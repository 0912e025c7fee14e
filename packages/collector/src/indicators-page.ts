/**
 * The indicators page of the back office: each indicator as a chart people look at (inline SVG drawn here, no chart
 * library: horizontal bars with their label above and their value beside, lengths in % so the chart reflows to
 * 320 px while its text keeps the page's size), a text summary that says what the chart shows, and the data table.
 *
 * Accessibility: the SVG is `role="img"` named by the chart's heading and described by its summary
 * (aria-labelledby): a screen reader hears the title and the summary once, then reads the table. One colour per
 * chart, never meaning by colour alone (every bar carries its value in text); CanvasText in forced colours.
 */
import { escapeHtml } from './html.ts';
import { DIFFICULTIES, DIFFICULTY_LABELS, HELP, HELP_LABELS } from './schemas.ts';
import { DEFAULT_WEEKS, type Funnel, type Indicators, type WeekFigures } from './indicators.ts';


const decimal = (n: number | null, digits = 1) => (n === null ? '—' : new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n));
const integer = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const share = (part: number, total: number) => (total === 0 ? '—' : `${Math.round((part / total) * 100)} %`);
const WEEK = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const weekLabel = (monday: string) => `semaine du ${WEEK.format(new Date(`${monday}T00:00:00Z`))}`;

interface Bar {
  label: string;
  /** Length, from 0 to `max`; null: no figure (no bar, the text says so). */
  value: number | null;
  /** What is written beside the bar. */
  text: string;
}

const ROW = 46;
/** Bars take at most this share of the width: the value is written after the longest one. */
const SPAN = 78;

/** A horizontal bar chart with its heading and summary; the table follows it in the page. */
function barChart(id: string, title: string, summary: string, bars: Bar[], max: number): string {
  const rows = bars
    .map((bar, i) => {
      const y = i * ROW;
      const width = bar.value === null || max <= 0 ? 0 : Math.max(0, Math.min(SPAN, (bar.value / max) * SPAN));
      const w = Math.round(width * 100) / 100;
      return `<text class="label" x="0" y="${y + 15}">${escapeHtml(bar.label)}</text>
<rect x="0" y="${y + 22}" width="${w}%" height="16"/><line x1="0" x2="0" y1="${y + 20}" y2="${y + 40}"/>
<text class="value" x="${w}%" dx="6" y="${y + 35}">${escapeHtml(bar.text)}</text>`;
    })
    .join('\n');
  return `<figure class="chart">
<h3 id="${id}-titre">${escapeHtml(title)}</h3>
<p id="${id}-resume" class="summary">${escapeHtml(summary)}</p>
<svg class="bars" role="img" aria-labelledby="${id}-titre ${id}-resume" width="100%" height="${Math.max(ROW, bars.length * ROW)}" focusable="false" xmlns="http://www.w3.org/2000/svg">
${rows}
</svg>
</figure>`;
}

const table = (caption: string, head: string[], rows: string[][]) =>
  `<div class="table table-scroll"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map(([first, ...rest]) => `<tr><th scope="row">${first}</th>${rest.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;

/** « meilleure semaine … ; plus basse … ; dernière semaine … » for a weekly series (weeks without figure left out). */
function trend(weeks: WeekFigures[], pick: (w: WeekFigures) => number | null, format: (n: number) => string): string {
  const known = weeks.map((w) => ({ week: w.week, value: pick(w) })).filter((p): p is { week: string; value: number } => p.value !== null);
  if (known.length === 0) return '';
  if (known.length === 1) return ` Une seule semaine avec des réponses : ${weekLabel(known[0]!.week)} (${format(known[0]!.value)}).`;
  const best = known.reduce((a, b) => (b.value > a.value ? b : a));
  const worst = known.reduce((a, b) => (b.value < a.value ? b : a));
  const last = known[known.length - 1]!;
  const previous = known[known.length - 2]!;
  const change = last.value - previous.value;
  const direction = Math.abs(change) < 1e-9 ? 'stable' : change > 0 ? `en hausse de ${format(change)}` : `en baisse de ${format(-change)}`;
  return ` Plus haut : ${weekLabel(best.week)} (${format(best.value)}) ; plus bas : ${weekLabel(worst.week)} (${format(worst.value)}). Dernière semaine avec des réponses, ${weekLabel(last.week)} : ${format(last.value)}, ${direction} par rapport à la précédente.`;
}

function funnelChart(f: Funnel, index: number): string {
  const worst = f.steps.reduce((a, b) => (b.count > a.count ? b : a));
  const max = Math.max(...f.steps.map((s) => s.count));
  return barChart(
    `bloque-${index}`,
    `« Je suis bloqué » dans le tutoriel « ${f.tutorial} », étape par étape`,
    `${integer(f.total)} « Je suis bloqué » sur la période. L’étape où les personnes se bloquent le plus : étape ${worst.step} (${integer(worst.count)}, ${share(worst.count, f.total)}).`,
    f.steps.map((s) => ({ label: `Étape ${s.step}`, value: s.count, text: `${integer(s.count)} (${share(s.count, f.total)})` })),
    max,
  );
}

/** The page's content (inside the back office's layout). */
export function indicatorsMain(data: Indicators, options: { procedures: string[]; csrfField: string; problems: string[]; storiesByProcedure: string }): string {
  const { weeks, period } = data;
  const total = weeks.reduce(
    (t, w) => {
      t.opinions += w.opinions;
      t.good += w.answers.good;
      t.medium += w.answers.medium;
      t.bad += w.answers.bad;
      t.clarityCount += w.clarity.count;
      t.claritySum += (w.clarity.average ?? 0) * w.clarity.count;
      t.received += w.stories.received;
      t.published += w.stories.published;
      t.answered += w.stories.answered;
      t.blocked += w.blocked;
      for (const d of DIFFICULTIES) t.difficulties[d] += w.difficulties[d];
      for (const h of HELP) t.help[h] += w.help[h];
      return t;
    },
    {
      opinions: 0,
      good: 0,
      medium: 0,
      bad: 0,
      clarityCount: 0,
      claritySum: 0,
      received: 0,
      published: 0,
      answered: 0,
      blocked: 0,
      difficulties: Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as Record<(typeof DIFFICULTIES)[number], number>,
      help: Object.fromEntries(HELP.map((h) => [h, 0])) as Record<(typeof HELP)[number], number>,
    },
  );
  const answeredOpinions = total.good + total.medium + total.bad;
  const score = answeredOpinions ? (10 * total.good + 5 * total.medium) / answeredOpinions : null;
  const clarity = total.clarityCount ? total.claritySum / total.clarityCount : null;
  const scope = data.procedure ? `la démarche « ${data.procedure} »` : 'vos démarches';
  const span = `${weeks.length} semaine${weeks.length > 1 ? 's' : ''} (${weekLabel(period.from)} au ${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${period.to}T00:00:00Z`))})`;
  const procedureOptions = ['<option value="">Toutes vos démarches</option>', ...options.procedures.map((p) => `<option value="${escapeHtml(p)}"${p === data.procedure ? ' selected' : ''}>${escapeHtml(p)}</option>`)].join('');
  const hidden = (name: string, value: string | null) => (value ? `<input type="hidden" name="${name}" value="${escapeHtml(value)}">` : '');

  const satisfaction = barChart(
    'satisfaction',
    'Note de satisfaction sur 10, semaine par semaine',
    score === null
      ? `Aucun avis « Je donne mon avis » pour ${scope} sur ${span}.`
      : `Sur ${span}, ${integer(answeredOpinions)} avis pour ${scope} : note de ${decimal(score)} sur 10 (Très bien 10, Moyen 5, Pas bien 0, comme l’Observatoire de la qualité des démarches en ligne).${trend(weeks, (w) => w.scoreOutOf10, (n) => decimal(n))}`,
    weeks.map((w) => ({ label: weekLabel(w.week), value: w.scoreOutOf10, text: w.scoreOutOf10 === null ? 'pas d’avis' : `${decimal(w.scoreOutOf10)} sur 10 (${integer(w.opinions)} avis)` })),
    10,
  );
  const clarityChart = barChart(
    'clarte',
    'Clarté des informations sur 5, semaine par semaine',
    clarity === null ? `Aucune réponse sur la clarté des informations sur ${span}.` : `${integer(total.clarityCount)} réponses : clarté de ${decimal(clarity)} sur 5.${trend(weeks, (w) => w.clarity.average, (n) => decimal(n))}`,
    weeks.map((w) => ({ label: weekLabel(w.week), value: w.clarity.average, text: w.clarity.average === null ? 'pas de réponse' : `${decimal(w.clarity.average)} sur 5 (${integer(w.clarity.count)} réponses)` })),
    5,
  );
  const counts = <K extends string>(id: string, title: string, labels: Record<K, string>, keys: readonly K[], values: Record<K, number>, lead: string) => {
    const sorted = [...keys].sort((a, b) => values[b] - values[a]);
    const top = sorted[0]!;
    return barChart(
      id,
      title,
      total.opinions === 0 ? `Aucun avis sur ${span}.` : `${lead} ${integer(total.opinions)} avis, plusieurs réponses possibles. En tête : « ${labels[top]} » (${integer(values[top])}, ${share(values[top], total.opinions)} des avis).`,
      sorted.map((k) => ({ label: labels[k], value: values[k], text: `${integer(values[k])} (${share(values[k], total.opinions)})` })),
      Math.max(1, ...keys.map((k) => values[k])),
    );
  };
  const answeredShare = total.published ? total.answered / total.published : null;
  const storiesChart = barChart(
    'reponses',
    'Part des récits publiés qui ont une réponse, semaine par semaine (semaine de réception)',
    total.received === 0
      ? `Aucun récit reçu sur ${span}.`
      : `${integer(total.received)} récits reçus, ${integer(total.published)} publiés, ${integer(total.answered)} avec une réponse (${answeredShare === null ? '—' : share(total.answered, total.published)} des publiés).${trend(weeks, (w) => (w.stories.answeredShare === null ? null : w.stories.answeredShare * 100), (n) => `${Math.round(n)} %`)}`,
    weeks.map((w) => ({
      label: weekLabel(w.week),
      value: w.stories.answeredShare === null ? null : w.stories.answeredShare * 100,
      text: w.stories.answeredShare === null ? 'aucun récit publié' : `${Math.round(w.stories.answeredShare * 100)} % (${integer(w.stories.answered)} sur ${integer(w.stories.published)})`,
    })),
    100,
  );

  const weekRows = weeks.map((w) => [
    escapeHtml(weekLabel(w.week)),
    integer(w.opinions),
    share(w.answers.good, w.opinions),
    share(w.answers.medium, w.opinions),
    share(w.answers.bad, w.opinions),
    decimal(w.scoreOutOf10),
    decimal(w.clarity.average),
    integer(w.clarity.count),
    integer(w.blocked),
  ]);
  const kindRows = <K extends string>(keys: readonly K[], pick: (w: WeekFigures) => Record<K, number>) => weeks.map((w) => [escapeHtml(weekLabel(w.week)), integer(w.opinions), ...keys.map((k) => integer(pick(w)[k]))]);
  const storyRows = weeks.map((w) => [
    escapeHtml(weekLabel(w.week)),
    integer(w.stories.received),
    integer(w.stories.published),
    integer(w.stories.refused),
    integer(w.stories.answered),
    w.stories.answeredShare === null ? '—' : `${Math.round(w.stories.answeredShare * 100)} %`,
    decimal(w.stories.medianAnswerHours),
  ]);

  return `<h1>Indicateurs</h1>
${options.problems.length ? `<div class="error-summary" role="alert"><p>Filtre en partie ignoré :</p><ul>${options.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></div>` : ''}
<p>Pour ${escapeHtml(scope)}, sur ${escapeHtml(span)}. Semaines du lundi au dimanche (jours en temps universel). Chaque graphique est suivi de son tableau de données.</p>
<form method="get" action="/agents/indicateurs" class="filters">
<p><label for="procedure">Démarche</label><select id="procedure" name="procedure">${procedureOptions}</select></p>
<p><label for="from">Du <span class="hint">(AAAA-MM-JJ ; par défaut, les ${DEFAULT_WEEKS} dernières semaines)</span></label><input id="from" name="from" type="date" value="${escapeHtml(period.from)}"></p>
<p><label for="to">Au <span class="hint">(AAAA-MM-JJ, inclus)</span></label><input id="to" name="to" type="date" value="${escapeHtml(period.to)}"></p>
<p><button type="submit">Afficher</button></p>
</form>
<form method="post" action="/agents/indicateurs.csv" class="export">${options.csrfField}${hidden('procedure', data.procedure)}${hidden('from', period.from)}${hidden('to', period.to)}
<p><button type="submit" class="secondary">Exporter ces indicateurs en CSV<span class="visually-hidden"> (par démarche et par semaine)</span></button> <span class="hint">Une ligne par démarche et par semaine ; UTF-8 pour tableur ; inscrit au journal.</span></p>
</form>
<h2>Satisfaction</h2>
${satisfaction}
${table('Avis « Je donne mon avis » par semaine', ['Semaine', 'Avis', 'Très bien', 'Moyen', 'Pas bien', 'Note sur 10', 'Clarté sur 5', 'Réponses sur la clarté', '« Je suis bloqué »'], weekRows)}
<h2>Clarté des informations</h2>
${clarityChart}
<h2>Difficultés rencontrées</h2>
${counts('difficultes', 'Difficultés rencontrées sur la période', DIFFICULTY_LABELS, DIFFICULTIES, total.difficulties, 'Difficultés signalées dans')}
${table('Difficultés rencontrées par semaine (nombre d’avis)', ['Semaine', 'Avis', ...DIFFICULTIES.map((d) => escapeHtml(DIFFICULTY_LABELS[d]))], kindRows(DIFFICULTIES, (w) => w.difficulties))}
<h2>Aide recherchée</h2>
${counts('aide', 'Aide recherchée sur la période', HELP_LABELS, HELP, total.help, 'Aide recherchée d’après')}
${table('Aide recherchée par semaine (nombre d’avis)', ['Semaine', 'Avis', ...HELP.map((h) => escapeHtml(HELP_LABELS[h]))], kindRows(HELP, (w) => w.help))}
<h2>« Je suis bloqué » dans les tutoriels</h2>
${
  data.funnels.length
    ? `${data.funnels.map(funnelChart).join('\n')}
${table('« Je suis bloqué » par tutoriel et par étape sur la période', ['Tutoriel', 'Étape', 'Nombre', 'Part du tutoriel'], data.funnels.flatMap((f) => f.steps.map((s) => [escapeHtml(f.tutorial), String(s.step), integer(s.count), share(s.count, f.total)])))}`
    : '<p>Aucun « Je suis bloqué » reçu sur la période (le compte n’est envoyé que si l’administration l’a activé sur ses pages).</p>'
}
<h2>Récits et réponses</h2>
${storiesChart}
${table('Récits par semaine de réception', ['Semaine', 'Reçus', 'Publiés', 'Refusés', 'Publiés avec réponse', 'Part avec réponse', 'Délai médian de réponse (heures)'], storyRows)}
${options.storiesByProcedure}`;
}
