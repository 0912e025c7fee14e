/**
 * Opening state in Europe/Paris time, whatever the device's time zone, with the platform's Intl API.
 * Schedules are pre-computed weekly grids (the OSM opening_hours strings are parsed at build time).
 */
import type { PhoneLineConfig, WeeklySchedule } from './types.ts';

export const PARIS = 'Europe/Paris';
/** An open place "closes soon" when it closes within this many minutes. */
export const CLOSES_SOON_MINUTES = 30;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface ParisTime {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since midnight, Paris wall clock. */
  minutes: number;
  /** Calendar date in Paris, YYYY-MM-DD. */
  date: string;
}

export function parisTime(now: Date): ParisTime {
  const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    weekday: WEEKDAYS.indexOf(parts.weekday!),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/** The calendar date `days` after a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export type OpeningState =
  | { state: 'open'; closesAt: number; closesSoon: boolean; openAllDay: boolean }
  | { state: 'closed'; opensAt: { dayOffset: number; weekday: number; minutes: number } | null }
  | { state: 'unknown' };

/**
 * Whether a weekly schedule is open at `now` (Paris time), when it closes, or when it opens next.
 * `closedOn(date)` marks whole days closed (public holidays, closures). Intervals running to midnight
 * and continuing the next day count as one opening (22:00–02:00).
 */
export function openingState(
  schedule: WeeklySchedule | null | undefined,
  now: Date,
  closedOn: (date: string) => boolean = () => false,
): OpeningState {
  if (!schedule || schedule.length !== 7) return { state: 'unknown' };
  const t = parisTime(now);
  const day = (offset: number) => (closedOn(addDays(t.date, offset)) ? [] : (schedule[(t.weekday + offset) % 7] ?? []));

  const current = day(0).find(([start, end]) => start <= t.minutes && t.minutes < end);
  if (current) {
    // Follow an opening across midnight: 22:00–24:00 today then 00:00–02:00 tomorrow.
    let end = current[1];
    let offset = 0;
    while (end === 1440 && offset < 7) {
      offset++;
      const next = day(offset).find(([start]) => start === 0);
      if (!next) break;
      end = offset * 1440 + next[1];
      if (next[1] !== 1440) break;
    }
    const closesAt = end % 1440 === 0 && end > 0 ? 1440 : end % 1440;
    const remaining = end - t.minutes;
    return { state: 'open', closesAt, closesSoon: remaining <= CLOSES_SOON_MINUTES, openAllDay: offset >= 7 };
  }
  for (let offset = 0; offset <= 7; offset++) {
    const next = day(offset).find(([start]) => offset > 0 || start > t.minutes);
    if (next) return { state: 'closed', opensAt: { dayOffset: offset, weekday: (t.weekday + offset) % 7, minutes: next[0] } };
  }
  return { state: 'closed', opensAt: null };
}

const DAY_KEYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** The phone line's weekly schedule, from its hand-edited configuration file. */
export function phoneLineSchedule(config: PhoneLineConfig): WeeklySchedule {
  return DAY_KEYS.map((key) => (config.hours[key] ?? []).map(([from, to]) => [minutesOf(from), minutesOf(to)] as [number, number]));
}

export function phoneLineState(config: PhoneLineConfig, now: Date): OpeningState {
  const closed = (date: string) => config.closures.some((c) => c.from <= date && date <= c.to);
  return openingState(phoneLineSchedule(config), now, closed);
}

/** Problems of a phone-line file, for the operator (shown in the console, never to the person). */
export function checkPhoneLineConfig(config: unknown): string[] {
  const problems: string[] = [];
  const c = config as Partial<PhoneLineConfig> | null;
  if (!c || typeof c !== 'object') return ['le fichier n’est pas un objet JSON'];
  for (const key of ['name', 'display', 'tel', 'cost'] as const) if (typeof c[key] !== 'string' || !c[key]) problems.push(`« ${key} » manque`);
  if (typeof c.tel === 'string' && !/^\+\d{6,15}$/.test(c.tel)) problems.push('« tel » doit être au format international, par exemple +33170772372');
  for (const [day, ranges] of Object.entries(c.hours ?? {})) {
    if (!(DAY_KEYS as readonly string[]).includes(day)) problems.push(`jour inconnu « ${day} » (mo, tu, we, th, fr, sa, su)`);
    for (const range of (ranges as unknown[]) ?? []) {
      const ok = Array.isArray(range) && range.length === 2 && range.every((v) => typeof v === 'string' && /^([01]\d|2[0-4]):[0-5]\d$/.test(v)) && minutesOf(range[0] as string) < minutesOf(range[1] as string);
      if (!ok) problems.push(`horaire invalide ${JSON.stringify(range)} pour « ${day} » (attendu ["09:00", "18:00"])`);
    }
  }
  for (const closure of c.closures ?? []) {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(closure?.from ?? '') && /^\d{4}-\d{2}-\d{2}$/.test(closure?.to ?? '') && closure.from <= closure.to;
    if (!ok) problems.push(`fermeture invalide ${JSON.stringify(closure)} (attendu { "from": "2026-12-25", "to": "2026-12-25", "label": "Noël" })`);
  }
  return problems;
}
