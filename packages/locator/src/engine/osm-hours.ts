/**
 * OpenStreetMap `opening_hours` strings → weekly schedule, with the community's `opening_hours` library.
 * Runs in the data build; in the browser only for places fetched from an API source (its own lazy chunk).
 * A value the library cannot read, or one that changes from week to week, gives null: the widget then says
 * "se renseigner" rather than guess.
 */
import OpeningHours from 'opening_hours';
import type { WeeklySchedule } from './types.ts';

export interface ParsedHours {
  schedule: WeeklySchedule | null;
  /** Closed on public holidays ("PH off"): the week is regular otherwise. */
  closedOnPublicHolidays: boolean;
  /** Why there is no schedule: 'unreadable' (syntax) or 'irregular' (varies by week, month or date). */
  problem?: 'unreadable' | 'irregular';
}

// A week without public holidays, far from daylight-saving changes; read in UTC so the grid is wall-clock time.
const WEEK_START = Date.UTC(2026, 2, 9);
const DAY = 86_400_000;

function weekGrid(oh: OpeningHours): WeeklySchedule {
  const grid: WeeklySchedule = [[], [], [], [], [], [], []];
  // From the Sunday before, so that a Sunday 22:00–02:00 opening also gives Monday its 00:00–02:00.
  for (const [from, to] of oh.getOpenIntervals(new Date(WEEK_START - DAY), new Date(WEEK_START + 7 * DAY))) {
    // Cut at midnights: an opening from 22:00 to 02:00 is two intervals of two days.
    for (let start = from.getTime(); start < to.getTime(); ) {
      const dayIndex = Math.floor((start - WEEK_START) / DAY);
      const dayEnd = WEEK_START + (dayIndex + 1) * DAY;
      const end = Math.min(to.getTime(), dayEnd);
      const day = grid[dayIndex];
      if (day) day.push([Math.round((start - (dayEnd - DAY)) / 60_000), Math.round((end - (dayEnd - DAY)) / 60_000)]);
      start = end;
    }
  }
  return grid.map((day) => day.sort((a, b) => a[0] - b[0]));
}

export function parseOsmHours(value: string): ParsedHours {
  const closedOnPublicHolidays = /\bPH\s+off\b/i.test(value);
  let oh: OpeningHours;
  try {
    // Without a location the library cannot know holidays; dropping "PH off" lets a regular week be read as such.
    oh = new OpeningHours(value.replace(/;?\s*\bPH\s+off\b\s*;?/gi, ';').replace(/^;|;$/g, '').trim() || value, null);
  } catch {
    return { schedule: null, closedOnPublicHolidays, problem: 'unreadable' };
  }
  try {
    // The library forgives and corrects ("Lundi 9h-12h", "14-17", ranges that overwrite each other): a value it
    // had to interpret is not shown as if it were certain.
    if (oh.getWarnings().length > 0) return { schedule: null, closedOnPublicHolidays, problem: 'unreadable' };
    if (!oh.isWeekStable()) return { schedule: null, closedOnPublicHolidays, problem: 'irregular' };
    return { schedule: weekGrid(oh), closedOnPublicHolidays };
  } catch {
    return { schedule: null, closedOnPublicHolidays, problem: 'unreadable' };
  }
}
