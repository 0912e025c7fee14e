/**
 * The help sheet: the places the person ticked (or the three nearest), their hours and phone numbers, the phone
 * line and the tutorial step they were on, to print or keep. Shown under the results, and printed from its own
 * page (sheet.html), to which it travels in the URL's fragment (see ../sheet/sheet-data.ts).
 */
import { html, nothing } from 'lit';
import { heading } from '@aide/core/element';
import type { Locale, StepChangeDetail } from '@aide/core';
import type { PlaceResult } from '../engine/source.ts';
import type { PhoneLineConfig } from '../engine/types.ts';
import { sheetUrl, type SheetData } from '../sheet/sheet-data.ts';
import type { LocatorStrings } from './strings.ts';
import { dayHours, dayName, weekSummary } from './hours-text.ts';
import { phoneLineSchedule } from '../engine/hours.ts';
import { displayPhone, externalIcon, icon } from './place-view.ts';

export interface HelpSheetInput {
  t: LocatorStrings;
  locale: Locale;
  /** What the places are near. */
  origin: string;
  results: PlaceResult[];
  /** Ids of the places ticked "Ajouter à ma fiche". */
  chosen: Set<string>;
  phoneLine: PhoneLineConfig | null;
  tutorial: StepChangeDetail | undefined;
}

export function helpSheetData(input: HelpSheetInput): SheetData {
  const { t, locale, tutorial } = input;
  const ticked = input.results.filter((r) => input.chosen.has(r.place.id));
  const places = ticked.length > 0 ? ticked : input.results.slice(0, 3);
  return {
    locale,
    title: t.sheetTitle,
    origin: input.origin,
    tutorial: tutorial ? t.sheetTutorial(tutorial.title, tutorial.step, tutorial.total, tutorial.stepTitle) : null,
    places: places.map((r) => {
      const week = r.schedule && !r.place.hu ? r.schedule.map((day, i): [string, string] => [dayName(locale, i), dayHours(t, locale, day)]) : null;
      return {
        name: r.place.n,
        address: `${r.place.a}, ${r.place.z} ${r.place.m}`,
        distance: t.distance(r.distanceKm, locale),
        phone: r.place.t ? { display: displayPhone(r.place.t), tel: r.place.t } : null,
        week,
        hoursNote: !week ? t.hoursUnknown : r.place.ph ? t.closedOnHolidays : null,
      };
    }),
    phoneLine: input.phoneLine
      ? {
          name: input.phoneLine.name,
          display: input.phoneLine.display,
          tel: input.phoneLine.tel,
          hours: t.phoneLineWeek(weekSummary(t, locale, phoneLineSchedule(input.phoneLine))),
          cost: input.phoneLine.cost,
        }
      : null,
    labels: { ...t.sheetLabels, phoneLine: t.phoneLineTitle, phone: t.phone, hours: t.weekHours, day: t.day, hoursColumn: t.hoursColumn },
  };
}

/** The sheet under the results; `placesIndexUrl` (the element's `src`) locates sheet.html next to aide.js. */
export function renderHelpSheet(t: LocatorStrings, level: number, data: SheetData, placesIndexUrl: string) {
  return html`<section class="sheet" aria-labelledby="sheet-title">
    ${heading(level, t.sheetTitle, { id: 'sheet-title', focusable: true })}
    <p>${t.sheetIntro}</p>
    ${data.tutorial ? html`<p class="tutorial-context">${data.tutorial}</p>` : nothing}
    <ol>
      ${data.places.map((p) => html`<li><strong>${p.name}</strong> — ${p.address}${p.phone ? html` — ${t.phone}${t.colon}${p.phone.display}` : nothing}</li>`)}
    </ol>
    ${data.phoneLine ? html`<p>${t.phoneLineTitle}${t.colon}${data.phoneLine.name}${t.comma}${data.phoneLine.display} — ${data.phoneLine.hours}</p>` : nothing}
    <p>
      <a class="button" href=${sheetUrl(placesIndexUrl, data)} target="_blank" rel="noopener">${t.sheetPrint}<span class="visually-hidden"> (${t.newWindow})</span>${icon(externalIcon)}</a>
    </p>
  </section>`;
}
