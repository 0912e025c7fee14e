import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, nameShardFor, parseLocationQuery, keyWithoutArticle } from '../src/engine/query.ts';

describe('reading what people type', () => {
  test('postal codes, with spaces or followed by the commune', () => {
    assert.deepEqual(parseLocationQuery('75001'), { kind: 'postcode', code: '75001' });
    assert.deepEqual(parseLocationQuery(' 75 001 '), { kind: 'postcode', code: '75001' });
    assert.deepEqual(parseLocationQuery('97400 Saint-Denis'), { kind: 'postcode', code: '97400', name: 'saint denis' });
  });

  test('a name with a postal code or a district, in any order (issue 9)', () => {
    assert.deepEqual(parseLocationQuery('Paris 75015'), { kind: 'postcode', code: '75015', name: 'paris' });
    assert.deepEqual(parseLocationQuery('Marseille 13001'), { kind: 'postcode', code: '13001', name: 'marseille' });
    assert.deepEqual(parseLocationQuery('Lyon 3'), { kind: 'name', key: 'lyon', text: 'Lyon 3', district: 3 });
    assert.deepEqual(parseLocationQuery('Paris 15e'), { kind: 'name', key: 'paris', text: 'Paris 15e', district: 15 });
    assert.deepEqual(parseLocationQuery('750 Paris'), { kind: 'name', key: 'paris', text: '750 Paris' });
    assert.deepEqual(parseLocationQuery('Saint-Denis (974)'), { kind: 'name', key: 'saint denis', text: 'Saint-Denis (974)', departement: '974' });
  });

  test('bad input gives a typed reason, never an exception', () => {
    assert.deepEqual(parseLocationQuery('7500'), { kind: 'invalid', reason: 'postcode-too-short', digits: '7500' });
    assert.deepEqual(parseLocationQuery('750011'), { kind: 'invalid', reason: 'postcode-too-long', digits: '750011' });
    assert.deepEqual(parseLocationQuery(''), { kind: 'invalid', reason: 'empty' });
    assert.deepEqual(parseLocationQuery('   '), { kind: 'invalid', reason: 'empty' });
    assert.deepEqual(parseLocationQuery('x'.repeat(500)), { kind: 'invalid', reason: 'too-long' });
    assert.deepEqual(parseLocationQuery('🏠🏠'), { kind: 'invalid', reason: 'no-letters' });
    assert.deepEqual(parseLocationQuery('-- !!'), { kind: 'invalid', reason: 'no-letters' });
    // Well-formed but possibly unknown: the geocoder says whether it exists.
    assert.deepEqual(parseLocationQuery('99999'), { kind: 'postcode', code: '99999' });
    assert.deepEqual(parseLocationQuery('ABCDE'), { kind: 'name', key: 'abcde', text: 'ABCDE' });
  });

  test('accent-, case- and hyphen-insensitive names; "st" is "saint"', () => {
    assert.equal(nameKey('Saint-Étienne'), 'saint etienne');
    assert.equal(nameKey('st etienne'), 'saint etienne');
    assert.equal(nameKey('STE-MAXIME'), 'sainte maxime');
    assert.equal(nameKey("L'Haÿ-les-Roses"), 'l hay les roses');
    assert.equal(keyWithoutArticle('le havre'), 'havre');
    assert.equal(keyWithoutArticle('lens'), null);
    assert.equal(parseLocationQuery('st-étienne 🙂').kind, 'name');
  });

  test('the shard of a key is its longest listed prefix', () => {
    const shards = ['sa', 'sai', 'saint', 'saint e', 'saint et', 'pa'];
    assert.equal(nameShardFor('saint etienne', shards), 'saint et');
    assert.equal(nameShardFor('saint', shards), 'saint');
    assert.equal(nameShardFor('sab', shards), 'sa');
    assert.equal(nameShardFor('zz', shards), null);
  });
});
