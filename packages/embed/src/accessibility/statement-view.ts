/**
 * The panel's "Accessibilité" view, in plain words: the conformance state and what to do when the help cannot be
 * used, from the figures scripts/rgaa.ts generates out of the audit grid. The full statement (test environment,
 * audit grid) is a page of its own next to aide.js (accessibilite.html, French only, as administrations publish it).
 */
import { html } from 'lit';
import type { Locale } from '@aide/core';
import type { PanelStrings } from '../panel/strings.ts';
import { statement } from './statement-data.ts';

/** The RGAA's three levels: total at 100 %, partial from 50 %, none below. */
export function conformanceLevel(rate: number): keyof PanelStrings['conformanceLevels'] {
  return rate === 100 ? 'total' : rate >= 50 ? 'partial' : 'none';
}

/** Next to aide.js: the chunks live in chunks/. */
const statementPageUrl = (): string => new URL('../accessibilite.html', import.meta.url).href;

export function renderStatement(t: PanelStrings, locale: Locale) {
  const level = t.conformanceLevels[conformanceLevel(statement.rate)];
  const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(statement.rate);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(`${statement.auditDate}T12:00:00Z`));
  // One text: a space of its own next to Lit's marker is lost to screen readers in Chromium (harness: words-spaced).
  const counts = `${t.accessibilityCounts(statement.conforme, statement.nonConforme, statement.aConfirmer, statement.nonApplicable)} ${t.accessibilityAudit(date)}`;
  return html`<div class="statement">
    <p><strong>${t.accessibilitySummary(level, statement.standard, rate)}</strong></p>
    <p>${counts}</p>
    <h3>${t.accessibilityContactTitle}</h3>
    <p>${t.accessibilityContact}</p>
    <p>${t.accessibilityRemedy}</p>
    <p>
      <a href=${statementPageUrl()} hreflang="fr" target="_blank" rel="noopener">${t.accessibilityFull}<span class="visually-hidden"> (${t.newWindow})</span
        ><svg class="icon external" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M14 3h7v7h-2V6.4l-9.3 9.3-1.4-1.4L17.6 5H14V3ZM5 5h6v2H5v12h12v-6h2v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2Z"/></svg
      ></a>
    </p>
  </div>`;
}
