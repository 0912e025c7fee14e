import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { addDays, checkPhoneLineConfig, openingState, parisTime, phoneLineState } from '../src/engine/hours.ts';
import { parseOsmHours } from '../src/engine/osm-hours.ts';
import type { PhoneLineConfig, WeeklySchedule } from '../src/engine/types.ts';

const h = (hh: number, mm = 0) => hh * 60 + mm;
/** Mon–Fri 9:00–12:00 and 14:00–17:00. */
const office: WeeklySchedule = [0, 1, 2, 3, 4].map(() => [[h(9), h(12)], [h(14), h(17)]] as [number, number][]).concat([[], []]);

describe('Paris time, whatever the device zone', () => {
  test('winter (UTC+1) and summer (UTC+2)', () => {
    assert.deepEqual(parisTime(new Date('2026-01-12T08:30:00Z')), { weekday: 0, minutes: h(9, 30), date: '2026-01-12' });
    assert.deepEqual(parisTime(new Date('2026-07-15T08:30:00Z')), { weekday: 2, minutes: h(10, 30), date: '2026-07-15' });
  });

  test('daylight saving days: 2026-03-29 at 01:59Z is 03:59 in Paris; 2026-10-25 at 00:30Z is 02:30 (first time)', () => {
    assert.equal(parisTime(new Date('2026-03-29T00:59:00Z')).minutes, h(1, 59));
    assert.equal(parisTime(new Date('2026-03-29T01:00:00Z')).minutes, h(3, 0));
    assert.equal(parisTime(new Date('2026-10-25T00:30:00Z')).minutes, h(2, 30));
    assert.equal(parisTime(new Date('2026-10-25T01:30:00Z')).minutes, h(2, 30));
    assert.equal(parisTime(new Date('2026-10-25T02:30:00Z')).minutes, h(3, 30));
  });

  test('a device in New York computes the same Paris state', () => {
    const script = `import { openingState } from './packages/locator/src/engine/hours.ts';
      const s = ${JSON.stringify(office)};
      console.log(JSON.stringify(openingState(s, new Date('2026-01-12T16:45:00Z'))))`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: 'America/New_York' },
      cwd: new URL('../../..', import.meta.url).pathname,
    }).toString();
    assert.deepEqual(JSON.parse(out), openingState(office, new Date('2026-01-12T16:45:00Z')));
    assert.deepEqual(JSON.parse(out), { state: 'closed', opensAt: { dayOffset: 1, weekday: 1, minutes: h(9) } });
  });

  test('calendar arithmetic across months and years', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-28', 2), '2026-03-30');
  });
});

describe('opening state', () => {
  test('open, and when it closes', () => {
    assert.deepEqual(openingState(office, new Date('2026-01-12T09:00:00Z')), { state: 'open', closesAt: h(12), closesSoon: false, openAllDay: false });
  });

  test('closes soon within 30 minutes', () => {
    const state = openingState(office, new Date('2026-01-12T15:40:00Z')); // 16:40 Paris
    assert.equal(state.state, 'open');
    assert.equal(state.state === 'open' && state.closesSoon, true);
  });

  test('closed at lunch: opens again the same day', () => {
    assert.deepEqual(openingState(office, new Date('2026-01-12T12:00:00Z')), { state: 'closed', opensAt: { dayOffset: 0, weekday: 0, minutes: h(14) } });
  });

  test('closed on Friday evening: opens Monday', () => {
    assert.deepEqual(openingState(office, new Date('2026-01-16T18:00:00Z')), { state: 'closed', opensAt: { dayOffset: 3, weekday: 0, minutes: h(9) } });
  });

  test('across midnight: open Monday 22:00 to Tuesday 02:00', () => {
    const night: WeeklySchedule = [[[h(22), 1440]], [[0, h(2)]], [], [], [], [], []];
    const late = openingState(night, new Date('2026-01-12T23:30:00Z')); // Tue 00:30 Paris
    assert.deepEqual(late, { state: 'open', closesAt: h(2), closesSoon: false, openAllDay: false });
    const evening = openingState(night, new Date('2026-01-12T21:30:00Z')); // Mon 22:30 Paris
    assert.deepEqual(evening, { state: 'open', closesAt: h(2), closesSoon: false, openAllDay: false });
  });

  test('on the spring DST day the schedule follows Paris wall clock', () => {
    // Sunday 2026-03-29: clocks jump 02:00 → 03:00. Monday 09:00 Paris is 07:00Z after the change.
    assert.equal(openingState(office, new Date('2026-03-30T06:59:00Z')).state, 'closed');
    assert.equal(openingState(office, new Date('2026-03-30T07:00:00Z')).state, 'open');
    assert.equal(openingState(office, new Date('2026-03-27T07:59:00Z')).state, 'closed'); // Friday before: UTC+1
    assert.equal(openingState(office, new Date('2026-03-27T08:00:00Z')).state, 'open');
  });

  test('on the autumn DST day too', () => {
    assert.equal(openingState(office, new Date('2026-10-26T07:59:00Z')).state, 'closed'); // Mon 08:59 (UTC+1)
    assert.equal(openingState(office, new Date('2026-10-26T08:00:00Z')).state, 'open');
  });

  test('no schedule or a malformed one: unknown, never guessed', () => {
    assert.deepEqual(openingState(null, new Date()), { state: 'unknown' });
    assert.deepEqual(openingState([[]] as WeeklySchedule, new Date()), { state: 'unknown' });
  });

  test('a place never open says so', () => {
    assert.deepEqual(openingState([[], [], [], [], [], [], []], new Date()), { state: 'closed', opensAt: null });
  });
});

describe('OSM opening_hours → weekly schedule (build time)', () => {
  test('regular weeks', () => {
    const parsed = parseOsmHours('Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00');
    assert.deepEqual(parsed.schedule, [...office.slice(0, 5), [[h(9), h(12)]], []]);
  });

  test('a later rule replaces the day (standard semantics)', () => {
    const parsed = parseOsmHours('Mo-Fr 08:30-12:30; Tu 13:30-17:30');
    assert.deepEqual(parsed.schedule![1], [[h(13, 30), h(17, 30)]]);
    assert.deepEqual(parsed.schedule![0], [[h(8, 30), h(12, 30)]]);
  });

  test('across midnight, including Sunday night into Monday', () => {
    const parsed = parseOsmHours('Su 22:00-02:00');
    assert.deepEqual(parsed.schedule![6], [[h(22), 1440]]);
    assert.deepEqual(parsed.schedule![0], [[0, h(2)]]);
  });

  test('"PH off" keeps the weekly schedule and the holiday closure', () => {
    const parsed = parseOsmHours('Mo-Fr 09:00-17:00; PH off');
    assert.equal(parsed.closedOnPublicHolidays, true);
    assert.deepEqual(parsed.schedule![0], [[h(9), h(17)]]);
  });

  test('unreadable values and irregular weeks give no schedule', () => {
    assert.deepEqual(parseOsmHours('Lundi 9h-12h'), { schedule: null, closedOnPublicHolidays: false, problem: 'unreadable' });
    assert.equal(parseOsmHours('week 1-53/2 Mo 09:00-12:00').problem, 'irregular');
    assert.equal(parseOsmHours('Jan-Jun Mo 09:00-10:00').problem, 'irregular');
  });
});

describe('national phone line', () => {
  const line: PhoneLineConfig = {
    name: 'Solidarité Numérique',
    display: '01 70 772 372',
    tel: '+33170772372',
    cost: 'gratuit',
    description: '',
    hours: { mo: [['09:00', '18:00']], tu: [['09:00', '18:00']], we: [['09:00', '18:00']], th: [['09:00', '18:00']], fr: [['09:00', '18:00']] },
    closures: [{ from: '2026-12-25', to: '2026-12-25', label: 'Noël' }],
    source: '',
  };

  test('reachable now, closed in the evening, reopens Monday after a weekend', () => {
    assert.equal(phoneLineState(line, new Date('2026-12-22T10:00:00Z')).state, 'open');
    assert.deepEqual(phoneLineState(line, new Date('2026-12-18T18:00:00Z')), { state: 'closed', opensAt: { dayOffset: 3, weekday: 0, minutes: h(9) } });
  });

  test('a closure day (Christmas, a Friday) pushes the reopening to Monday', () => {
    assert.deepEqual(phoneLineState(line, new Date('2026-12-24T18:00:00Z')), { state: 'closed', opensAt: { dayOffset: 4, weekday: 0, minutes: h(9) } });
    assert.equal(phoneLineState(line, new Date('2026-12-25T10:00:00Z')).state, 'closed');
  });

  test('the shipped configuration file is valid; mistakes are explained', async () => {
    const { default: shipped } = await import('../config/ligne-solidarite-numerique.json', { with: { type: 'json' } });
    assert.deepEqual(checkPhoneLineConfig(shipped), []);
    const problems = checkPhoneLineConfig({ ...line, tel: '01 70', hours: { lu: [['9h', '18h']] }, closures: [{ from: '25/12', to: '', label: '' }] });
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /format international/);
    assert.match(problems.join('\n'), /jour inconnu « lu »/);
  });
});
