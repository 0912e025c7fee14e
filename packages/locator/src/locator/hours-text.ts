/**
 * Opening hours in words, in the component's language: "Ouvert jusqu'à 17 h", "Fermé, ouvre demain à 9 h",
 * the phone line's hours, the days of a weekly schedule. The states themselves come from ../engine/hours.ts.
 */
import type { Locale } from '@aide/core';
import { phoneLineState, type OpeningState } from '../engine/hours.ts';
import type { PhoneLineConfig, WeeklySchedule } from '../engine/types.ts';
import { formatTime, type LocatorStrings } from './strings.ts';

/** The name of a weekday, 0 = Monday. */
export function dayName(locale: Locale, weekday: number): string {
  // 2026-01-05 is a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 5 + weekday)));
}

/** One day's opening ranges: "9 h – 12 h, 14 h – 17 h", or "Fermé". */
export function dayHours(t: LocatorStrings, locale: Locale, ranges: WeeklySchedule[number]): string {
  return ranges.length === 0 ? t.closedDay : ranges.map(([a, b]) => `${formatTime(locale, a)} – ${formatTime(locale, b)}`).join(t.comma);
}

export function openingText(t: LocatorStrings, locale: Locale, state: OpeningState): string {
  const time = (m: number) => formatTime(locale, m);
  if (state.state === 'unknown') return t.hoursUnknown;
  if (state.state === 'open') {
    if (state.openAllDay) return t.hoursOpenAllDay;
    return state.closesSoon ? t.hoursClosesSoon(time(state.closesAt)) : t.hoursOpen(time(state.closesAt));
  }
  if (!state.opensAt) return t.hoursClosed;
  const { dayOffset, weekday, minutes } = state.opensAt;
  if (dayOffset === 0) return t.hoursClosedOpensToday(time(minutes));
  if (dayOffset === 1) return t.hoursClosedOpensTomorrow(time(minutes));
  return t.hoursClosedOpensOn(dayName(locale, weekday), time(minutes));
}

/** When a closed place opens next, with the day: "demain (mardi) à 9 h", "jeudi à 9 h", "aujourd’hui à 14 h". */
export function nextOpeningText(t: LocatorStrings, locale: Locale, state: OpeningState): string {
  if (state.state === 'unknown') return t.hoursUnknown;
  if (state.state === 'open') return openingText(t, locale, state);
  if (!state.opensAt) return t.hoursClosed;
  const { dayOffset, weekday, minutes } = state.opensAt;
  const time = formatTime(locale, minutes);
  if (dayOffset === 0) return t.opensTodayAt(time);
  if (dayOffset === 1) return t.opensTomorrowAt(dayName(locale, weekday), time);
  return t.opensOnAt(dayName(locale, weekday), time);
}

/**
 * A weekly schedule in a few words, days with the same hours together: "du lundi au vendredi, de 9 h à 18 h". Not a
 * live state: it stays true on paper, or read tomorrow.
 */
export function weekSummary(t: LocatorStrings, locale: Locale, schedule: WeeklySchedule): string {
  const hoursOf = (day: WeeklySchedule[number]) => day.map(([a, b]) => t.timeRange(formatTime(locale, a), formatTime(locale, b))).join(t.rangeSeparator);
  const parts: string[] = [];
  for (let start = 0; start < 7; ) {
    const hours = hoursOf(schedule[start] ?? []);
    let end = start;
    while (end + 1 < 7 && hoursOf(schedule[end + 1] ?? []) === hours) end++;
    if (hours) parts.push(`${end === start ? dayName(locale, start) : t.daysRange(dayName(locale, start), dayName(locale, end))}${t.comma}${hours}`);
    start = end + 1;
  }
  return parts.join(t.listSeparator);
}

export function phoneLineText(t: LocatorStrings, locale: Locale, line: PhoneLineConfig, now: Date): string {
  const state = phoneLineState(line, now);
  if (state.state === 'open') return t.phoneLineOpen(formatTime(locale, state.closesAt));
  if (state.state === 'closed' && state.opensAt) {
    const { dayOffset, weekday, minutes } = state.opensAt;
    const time = formatTime(locale, minutes);
    if (dayOffset === 0) return t.phoneLineReopensToday(time);
    if (dayOffset === 1) return t.phoneLineReopensTomorrow(time);
    return t.phoneLineReopensOn(dayName(locale, weekday), time);
  }
  return t.phoneLineClosed;
}
