/**
 * Real French data at volume: the national open dataset of digital-help places (../shared/data, 9,702 places)
 * has real addresses, phone numbers, e-mail addresses and SIRET numbers, typed by thousands of people, and real
 * names of places and towns. Each kind is put in a sentence as a person would write it.
 * Recall floors are the figures measured when the detector was written (README); they may only go up.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { maskPersonalData } from '../src/index.ts';

interface Place {
  nom: string;
  commune: string;
  code_postal: string;
  adresse?: string;
  telephone?: string;
  courriels?: string;
  pivot?: string;
  horaires?: string;
}
const places = (
  JSON.parse(readFileSync(new URL('../../../../shared/data/lieux-mediation-numerique.json', import.meta.url), 'utf8')) as {
    lieux: Place[];
  }
).lieux;

/** Share of the sentences in which `kind` is found, and a few misses to show. */
function recall(sentences: string[], kind: string): { rate: number; misses: string[] } {
  const misses = sentences.filter((sentence) => !maskPersonalData(sentence).found.some((f) => f.kind === kind));
  return { rate: 1 - misses.length / sentences.length, misses: misses.slice(0, 5) };
}

const numbered = places.filter((p) => p.adresse && /^\d/.test(p.adresse));

describe(`open data: ${places.length} real places`, () => {
  test('addresses with postcode and town after « J’habite »: at least 99 % found', () => {
    const { rate, misses } = recall(numbered.map((p) => `J'habite ${p.adresse}, ${p.code_postal} ${p.commune}.`), 'address');
    assert.ok(numbered.length > 7000);
    assert.ok(rate >= 0.99, `${(rate * 100).toFixed(2)} %, e.g. ${misses.join(' | ')}`);
  });

  test('street alone in a sentence, no cue, no postcode: at least 97 % found', () => {
    const streets = numbered.map((p) => `je suis passé au ${p.adresse!.replace(/ \d{5} .*$/, '')} hier`);
    const { rate, misses } = recall(streets, 'address');
    assert.ok(rate >= 0.97, `${(rate * 100).toFixed(2)} %, e.g. ${misses.join(' | ')}`);
  });

  test('every phone number, as stored (+33…) and as people write it (0x xx xx xx xx)', () => {
    const personal = places.filter((p) => p.telephone && !/^(?:\+33|0)8/.test(p.telephone));
    const written = personal.flatMap((p) => [p.telephone!, p.telephone!.replace(/^\+33/, '0').replace(/(\d\d)(?=\d)/g, '$1 ')]);
    const { rate, misses } = recall(written.map((number) => `appelez le ${number} merci`), 'phone');
    assert.ok(written.length > 10000);
    assert.equal(rate, 1, misses.join(' | '));
  });

  test('every e-mail address', () => {
    const emails = places.flatMap((p) => p.courriels?.split('|') ?? []);
    const { rate, misses } = recall(emails.map((email) => `écrire à ${email} svp`), 'email');
    assert.ok(emails.length > 5000);
    assert.equal(rate, 1, misses.join(' | '));
  });

  test('every SIRET, grouped as on a Kbis', () => {
    const sirets = places.filter((p) => p.pivot && /^\d{14}$/.test(p.pivot)).map((p) => p.pivot!.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4'));
    const { rate, misses } = recall(sirets.map((siret) => `mon siret ${siret}`), 'company-id');
    assert.ok(sirets.length > 4000);
    assert.equal(rate, 1, misses.join(' | '));
  });

  test('names of places, towns, postcodes, dates and opening hours: at most 0.1 % of sentences touched', () => {
    const touched = places
      .map((p) => `Je suis allée à ${p.nom} à ${p.commune} (${p.code_postal}) le 12/03/2024, ils ouvrent ${p.horaires ?? 'le matin'}.`)
      .map((sentence) => maskPersonalData(sentence))
      .filter((result) => result.found.length > 0);
    // Those left are people's names inside names of places (« Maison Pour Tous M. Martin »).
    assert.ok(touched.length / places.length <= 0.001, `${touched.length}: ${touched.slice(0, 5).map((r) => r.text).join(' | ')}`);
  });
});
