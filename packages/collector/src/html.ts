/**
 * The collector's server-rendered pages (public pages of stories, the private follow page, the agents' back office):
 * one layout, French, working without JavaScript, under a strict Content-Security-Policy (no inline style or script).
 */
import type { FastifyReply } from 'fastify';

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
export const frenchDate = (iso: string) => DATE.format(new Date(iso));

export const FEELING_LABELS: Record<string, string> = { positive: 'Positive', negative: 'Négative', mixed: 'Mitigée' };
export const CHANNEL_LABELS: Record<string, string> = { online: 'En ligne', phone: 'Par téléphone', desk: 'Au guichet', 'with-help': 'Avec de l’aide' };

/** A whole page: `main`, `nav` (the header's links) and `head` are trusted HTML built
 * with escapeHtml. */
export function layout(title: string, main: string, nav = '', head = ''): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Aide numérique</title>
<link rel="icon" href="/dashboard/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/dashboard/style.css">
${head}
</head>
<body>
<p class="skip"><a href="#contenu">Aller au contenu</a></p>
<header><p class="brand">Aide numérique</p>${nav}</header>
<main id="contenu" tabindex="-1">
${main}
</main>
</body>
</html>`;
}

/**
 * `formTargets`: other origins a form of the page may end up at. Browsers apply form-action to the redirects that
 * follow a submission too, so the sign-in and sign-out forms (redirected to the OpenID provider) name its origin.
 */
export const sendPage = (reply: FastifyReply, html: string, status = 200, formTargets: readonly string[] = []) =>
  reply
    .status(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .header('Content-Security-Policy', formTargets.length ? PAGE_CSP.replace("form-action 'self'", `form-action 'self' ${formTargets.join(' ')}`) : PAGE_CSP)
    .header('Referrer-Policy', 'no-referrer')
    .send(html);

/**
 * Paragraphs from plain text (the masked story, the answer): escaped, one <p> per blank-line-separated block, each in
 * the direction of its own text (a story told in Arabic reads right to left on these French pages).
 */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p dir="auto">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** One error of a form: the id of its field and what to do, in plain French. */
export type FieldError = [field: string, message: string];

/** The list of a form's errors at its top, each a link to its field (RGAA 11.10); nothing when there is none. */
export const errorSummary = (errors: readonly FieldError[]) =>
  errors.length
    ? `<div class="error-summary" role="alert"><h2 id="erreurs">${errors.length > 1 ? `${errors.length} erreurs empêchent` : 'Une erreur empêche'} d’enregistrer</h2><ul>${errors.map(([field, message]) => `<li><a href="#${field}">${escapeHtml(message)}</a></li>`).join('')}</ul></div>`
    : '';

/** The attributes tying a field to its error (aria-invalid, aria-describedby), and the error's text beside it. */
export function fieldError(errors: readonly FieldError[], field: string, describedBy: string[] = []): { attributes: string; message: string } {
  const error = errors.find(([f]) => f === field);
  const ids = [...describedBy, ...(error ? [`${field}-erreur`] : [])];
  return {
    attributes: `${error ? ' aria-invalid="true"' : ''}${ids.length ? ` aria-describedby="${ids.join(' ')}"` : ''}`,
    message: error ? `<p class="error-text" id="${field}-erreur">${escapeHtml(error[1])}</p>` : '',
  };
}
