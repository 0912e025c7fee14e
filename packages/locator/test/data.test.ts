/**
 * The data pipeline on the real open data, and the engine on its output: geocoding and nearest-N are compared
 * with a brute-force haversine over the whole dataset for hundreds of queries, in mainland France and overseas.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLocatorData, type BuildReport } from '../../../scripts/build-locator-data.ts';
import { geocode, Geocoder, rankNearest, StaticShardSource, type Fetch } from '../src/engine/source.ts';
import { haversineKm } from '../src/engine/geo.ts';
import { nameKey, parseLocationQuery } from '../src/engine/query.ts';
import { hasFlag } from '../src/engine/filters.ts';
import type { PlaceRecord, PlacesIndex, Shard } from '../src/engine/types.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dataDir = process.env.AIDE_SHARED_DATA ?? join(root, '../shared/data');
const phoneLineFile = join(root, 'packages/locator/config/ligne-solidarite-numerique.json');

let out: string;
let report: BuildReport;
const fetched: string[] = [];
const localFetch: Fetch = async (url) => {
  const path = join(out, new URL(url).pathname.replace(/^\/places\//, ''));
  fetched.push(path);
  if (!existsSync(path)) return new Response('not found', { status: 404 });
  return new Response(readFileSync(path), { headers: { 'content-type': 'application/json' } });
};

interface Commune {
  code: string;
  nom: string;
  type: string;
  codesPostaux: string[];
  departement: string;
  lat: number | null;
  lon: number | null;
  population: number | null;
}
let communes: Commune[];
let allPlaces: PlaceRecord[];

/** A deterministic pseudo-random sequence, so failures can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

before(() => {
  out = mkdtempSync(join(tmpdir(), 'aide-places-'));
  report = buildLocatorData({ dataDir, outDir: out, phoneLineFile, log: () => {} });
  const file = JSON.parse(readFileSync(join(dataDir, 'communes.json'), 'utf8')) as { fields: string[]; rows: unknown[][] };
  communes = file.rows.map((r) => Object.fromEntries(file.fields.map((f, i) => [f, r[i]])) as unknown as Commune);
  allPlaces = readdirSync(out)
    .filter((f) => f.startsWith('dep-') && f.endsWith('.json'))
    .flatMap((f) => {
      const shard = JSON.parse(readFileSync(join(out, f), 'utf8')) as Shard;
      return shard.places.map((place, i) => ({ ...place, id: `${shard.code}-${i}` }));
    });
});

describe('data pipeline on the real open data', () => {
  test('every record is accounted for: kept + merged here + dropped = read', () => {
    const dropped = [...report.dropped.values()].reduce((a, b) => a + b, 0);
    assert.equal(report.kept + report.mergedHere + dropped, report.read);
    assert.equal(allPlaces.length, report.kept);
    assert.ok(report.kept > 9000, `kept ${report.kept}`);
  });

  test('overseas are covered, with their own shards', () => {
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as PlacesIndex;
    for (const code of ['971', '972', '973', '974', '976', '2A', '2B', '988']) assert.ok(index.shards.some((s) => s.code === code), `shard ${code}`);
    assert.ok(index.attribution.sources.every((s) => s.licence.includes('Licence Ouverte')));
  });

  test('weekly schedules come only from readable hours', () => {
    assert.ok(report.hours.regular > 6000);
    assert.equal(report.hours.regular + report.hours.unreadable + report.hours.irregular + report.hours.none, report.read - [...report.dropped.values()].reduce((a, b) => a + b, 0));
  });
});

describe('geocoding', () => {
  test('each sampled postal code lists its communes (and arrondissements for Paris, Lyon, Marseille)', async () => {
    const geocoder = new Geocoder('http://test.local/places/index.json', localFetch);
    const next = random(7);
    const sample = communes.filter((c) => c.type === 'COM' && c.lat !== null);
    for (let i = 0; i < 300; i++) {
      const c = sample[Math.floor(next() * sample.length)]!;
      for (const code of c.codesPostaux) {
        const found = await geocoder.postcode(code);
        const hasArrondissements = communes.some((a) => a.type === 'ARM' && a.codesPostaux.includes(code));
        if (!hasArrondissements) assert.ok(found.some((e) => e[2] === c.code), `${code} → ${c.nom}`);
        else assert.ok(found.every((e) => e[0].includes('Arrondissement')), `${code} → arrondissements`);
      }
    }
    assert.deepEqual((await geocoder.postcode('75001')).map((e) => e[0]), ['Paris 1er Arrondissement']);
    assert.deepEqual(await geocoder.postcode('99999'), []);
    assert.ok((await geocoder.postcode('01400')).length > 3, 'a shared postal code lists every commune');
  });

  test('each sampled commune name finds that commune, homonyms apart by département', async () => {
    const geocoder = new Geocoder('http://test.local/places/index.json', localFetch);
    const next = random(11);
    const sample = communes.filter((c) => c.type === 'COM');
    for (let i = 0; i < 300; i++) {
      const c = sample[Math.floor(next() * sample.length)]!;
      const found = await geocoder.suggest(nameKey(c.nom), 50);
      assert.ok(found.some((e) => e[2] === c.code), `${c.nom} (${c.departement})`);
    }
    const saintDenis = await geocoder.suggest(nameKey('saint denis'));
    assert.deepEqual(saintDenis.slice(0, 2).map((e) => e[1]).sort(), ['93', '974']);
    assert.equal((await geocoder.suggest(nameKey('st etienne')))[0]![0], 'Saint-Étienne');
    assert.equal((await geocoder.suggest(nameKey('havre')))[0]![0], 'Le Havre');
    assert.equal((await geocoder.suggest(nameKey('Lyon')))[0]![0], 'Lyon');
    assert.deepEqual(await geocoder.suggest(nameKey('abcde')), []);
  });

  test('a name with a postal code or a district, in any order, names the commune (issue 9)', async () => {
    const geocoder = new Geocoder('http://test.local/places/index.json', localFetch);
    const means = async (typed: string) => {
      const parsed = parseLocationQuery(typed);
      assert.notEqual(parsed.kind, 'invalid', typed);
      if (parsed.kind === 'invalid') return '';
      return (await geocode(geocoder, parsed)).match?.[0] ?? '';
    };
    assert.equal(await means('Paris 75015'), 'Paris 15e Arrondissement');
    assert.equal(await means('75015 Paris'), 'Paris 15e Arrondissement');
    assert.equal(await means('Marseille 13001'), 'Marseille 1er Arrondissement');
    assert.equal(await means('Lyon 3'), 'Lyon 3e Arrondissement');
    assert.equal(await means('Paris 15'), 'Paris 15e Arrondissement');
    assert.equal(await means('750 Paris'), 'Paris');
    assert.equal(await means('Saint-Denis (974)'), 'Saint-Denis');
    assert.equal((await geocode(geocoder, { kind: 'name', key: 'saint denis', text: 'Saint-Denis (974)', departement: '974' })).match?.[1], '974');
  });
});

describe('nearest places, against a brute-force haversine over the whole dataset', () => {
  const brute = (lat: number, lon: number, n: number, keep: (p: PlaceRecord) => boolean = () => true) =>
    allPlaces
      .filter(keep)
      .map((p) => ({ id: p.id, d: haversineKm({ lat, lon }, { lat: p.y, lon: p.x }) }))
      .filter((r) => r.d <= 150)
      .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
      .slice(0, n);

  test('400 points: commune centres everywhere, overseas included, and random points', async () => {
    const source = new StaticShardSource('http://test.local/places/index.json', localFetch);
    const next = random(3);
    const centres = communes.filter((c) => c.lat !== null && c.type === 'COM');
    const points = Array.from({ length: 300 }, () => centres[Math.floor(next() * centres.length)]!).map((c) => ({ lat: c.lat!, lon: c.lon! }));
    for (const dep of ['971', '972', '973', '974', '976', '988', '2A']) {
      const c = centres.find((x) => x.departement === dep)!;
      points.push({ lat: c.lat!, lon: c.lon! });
    }
    while (points.length < 400) points.push({ lat: 42.5 + next() * 8.5, lon: -4.5 + next() * 12.5 });
    for (const point of points) {
      const got = await source.nearest(point, { limit: 10 });
      const expected = brute(point.lat, point.lon, 10);
      assert.deepEqual(
        got.map((r) => r.distanceKm),
        expected.map((r) => Math.round(r.d * 10) / 10),
        `distances near ${point.lat},${point.lon}`,
      );
      assert.deepEqual(got.map((r) => r.place.id), expected.map((r) => r.id), `places near ${point.lat},${point.lon}`);
    }
  });

  test('with filters: wheelchair access and a label, still exact', async () => {
    const source = new StaticShardSource('http://test.local/places/index.json', localFetch);
    const vocab = await source.vocabularies();
    const next = random(5);
    for (let i = 0; i < 50; i++) {
      const point = { lat: 43 + next() * 7, lon: -1 + next() * 8 };
      const got = await source.nearest(point, { limit: 5, filters: { wheelchair: true } });
      const expected = brute(point.lat, point.lon, 5, (p) => hasFlag(vocab.specificSupport, p.ps, 'Handicaps moteurs'));
      assert.deepEqual(got.map((r) => r.place.id), expected.map((r) => r.id));
      const fs = await source.nearest(point, { limit: 5, filters: { labels: ['France Services'] } });
      assert.deepEqual(fs.map((r) => r.place.id), brute(point.lat, point.lon, 5, (p) => hasFlag(vocab.labels, p.l, 'France Services')).map((r) => r.id));
    }
  });

  test('France services first for a partner procedure, only those within 30 km', async () => {
    const source = new StaticShardSource('http://test.local/places/index.json', localFetch);
    const vocab = await source.vocabularies();
    const results = await source.nearest({ lat: 45.764, lon: 4.8357 }, { limit: 10, franceServicesFirst: true });
    const isFs = results.map((r) => hasFlag(vocab.labels, r.place.l, 'France Services'));
    assert.ok(isFs[0], 'a France services comes first');
    assert.deepEqual(isFs, [...isFs].sort((a, b) => Number(b) - Number(a)), 'France services are grouped first');
    for (const r of results.filter((_, i) => isFs[i])) assert.ok(r.distanceKm <= 30);
  });

  test('France services first reads only the France services of the départements around (issue 9): the same results as over every place, under 60 KB gzip', async (t) => {
    const vocab = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as PlacesIndex;
    const everyPlace = allPlaces.map((place) => ({ place, schedule: null }));
    const next = random(9);
    const byPopulation = communes.filter((c) => c.type === 'COM' && c.lat !== null && c.codesPostaux.length > 0);
    const big = [...byPopulation].sort((a, b) => (b.population ?? 0) - (a.population ?? 0)).slice(0, 60);
    const sample = [...big, ...Array.from({ length: 100 }, () => byPopulation[Math.floor(next() * byPopulation.length)]!)];
    const gzipOf = (path: string) => statSync(`${path}.gz`).size;
    let worst = { bytes: 0, where: '', files: 0 };
    for (const commune of sample) {
      const log: string[] = [];
      const recording: Fetch = (url, init) => {
        log.push(join(out, new URL(url).pathname.replace(/^\/places\//, '')));
        return localFetch(url, init);
      };
      const geocoder = new Geocoder('http://test.local/places/index.json', recording);
      const source = new StaticShardSource('http://test.local/places/index.json', recording);
      const [found] = await geocoder.postcode(commune.codesPostaux[0]!);
      if (!found || found[3] === null || found[4] === null) continue;
      const point = { lat: found[3], lon: found[4] };
      const got = await source.nearest(point, { limit: 10, franceServicesFirst: true });
      const expected = rankNearest(point, everyPlace, vocab.vocabularies, { limit: 10, franceServicesFirst: true });
      assert.deepEqual(got.map((r) => r.place.id), expected.map((r) => r.place.id), `${commune.nom}: same places, same order`);
      const files = [...new Set([...log, join(out, 'ligne-solidarite-numerique.json')])];
      const bytes = files.reduce((sum, file) => sum + gzipOf(file), 0);
      if (bytes > worst.bytes) worst = { bytes, where: `${commune.nom} ${commune.codesPostaux[0]}`, files: files.filter((f) => /\/(dep|fs)-/.test(f)).length };
    }
    t.diagnostic(`partner mode, worst of ${sample.length} searches: ${(worst.bytes / 1024).toFixed(1)} KB gzip (${worst.where}, ${worst.files} place files)`);
    assert.ok(worst.bytes < 60 * 1024, `${worst.where}: ${(worst.bytes / 1024).toFixed(1)} KB gzip for one search in partner mode (budget 60 KB)`);
  });

  test('the département files whose box holds the point are fetched together, not one round trip after another (slow 3G)', async () => {
    let inFlight = 0;
    let mostAtOnce = 0;
    const shards: string[] = [];
    const slow: Fetch = async (url, init) => {
      const shard = /\/places\/(dep-[\w]+)\.json$/.exec(url)?.[1];
      if (!shard) return localFetch(url, init);
      shards.push(shard);
      mostAtOnce = Math.max(mostAtOnce, ++inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight--;
      return localFetch(url, init);
    };
    const source = new StaticShardSource('http://test.local/places/index.json', slow);
    // Lille: inside the boxes of the Nord and of the Pas-de-Calais.
    const results = await source.nearest({ lat: 50.6292, lon: 3.0573 }, { limit: 10 });
    assert.equal(results.length, 10);
    assert.ok(shards.includes('dep-59') && shards.includes('dep-62'), shards.join(', '));
    assert.ok(mostAtOnce >= 2, `${shards.join(', ')} fetched one after another`);
  });

  test('in partner mode, the France services files within 30 km come in the same round trip as the département’s file (slow 3G)', async () => {
    let inFlight = 0;
    let mostAtOnce = 0;
    const files: string[] = [];
    const slow: Fetch = async (url, init) => {
      const file = /\/places\/((?:dep|fs)-[\w]+)\.json$/.exec(url)?.[1];
      if (!file) return localFetch(url, init);
      files.push(file);
      mostAtOnce = Math.max(mostAtOnce, ++inFlight);
      await new Promise((r) => setTimeout(r, 50));
      inFlight--;
      return localFetch(url, init);
    };
    const source = new StaticShardSource('http://test.local/places/index.json', slow);
    // Roubaix: in the Nord's box, 10 km from the Pas-de-Calais's, whose France services may come first.
    const point = { lat: 50.6942, lon: 3.1746 };
    const results = await source.nearest(point, { limit: 10, franceServicesFirst: true });
    assert.equal(results.length, 10);
    assert.ok(files.includes('dep-59') && files.includes('fs-62'), files.join(', '));
    assert.ok(mostAtOnce >= 2, `${files.join(', ')} fetched one after another`);
    const everyPlace = allPlaces.map((place) => ({ place, schedule: null }));
    const vocab = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as PlacesIndex;
    assert.deepEqual(
      results.map((r) => r.place.id),
      rankNearest(point, everyPlace, vocab.vocabularies, { limit: 10, franceServicesFirst: true }).map((r) => r.place.id),
    );
  });

  test('nothing nearby (Polynésie has no place): empty, so the widget offers the phone line', async () => {
    const source = new StaticShardSource('http://test.local/places/index.json', localFetch);
    assert.deepEqual(await source.nearest({ lat: -17.535, lon: -149.569 }, { limit: 10 }), []);
  });
});

describe('pipeline on fixtures', () => {
  function fixtureDir(lieux: object[]) {
    const dir = mkdtempSync(join(tmpdir(), 'aide-fixture-'));
    for (const f of ['schema-lieux-mediation-numerique.json', 'communes.json', 'departements.json']) writeFileSync(join(dir, f), readFileSync(join(dataDir, f)));
    writeFileSync(join(dir, 'lieux-mediation-numerique.json'), JSON.stringify({ lieux }));
    return dir;
  }
  const valid = {
    id: 'x-1', nom: 'Espace numérique', commune: 'Lyon', code_postal: '69001', code_insee: '69381', adresse: '1 rue A',
    latitude: 45.767, longitude: 4.834, date_maj: '2024-01-01', horaires: 'Mo-Fr 09:00-12:00', _sources: ['test'],
  };

  test('invalid records are dropped with the schema reason; unreadable hours are kept as "se renseigner"', () => {
    const dir = fixtureDir([
      valid,
      { ...valid, id: 'x-2', code_postal: '6900' },
      { ...valid, id: 'x-3', date_maj: '01/01/2024' },
      { ...valid, id: 'x-4', telephone: '0601020304' },
      { ...valid, id: 'x-5', services: 'Cours de cuisine' },
      { ...valid, id: 'x-1' },
      { ...valid, id: 'x-6', nom: 'Autre lieu', horaires: 'Lundi matin' },
    ]);
    const result = buildLocatorData({ dataDir: dir, outDir: join(dir, 'out'), phoneLineFile, log: () => {} });
    assert.equal(result.kept, 2);
    assert.deepEqual(
      [...result.dropped.keys()].sort(),
      [
        'non conforme au schéma (code_postal : ne respecte pas le motif)',
        'non conforme au schéma (date_maj : ne respecte pas le motif)',
        'non conforme au schéma (identifiant en double)',
        'non conforme au schéma (services : ne respecte pas le motif)',
        'non conforme au schéma (telephone : ne respecte pas le motif)',
      ],
    );
    const shard = JSON.parse(readFileSync(join(dir, 'out', 'dep-69.json'), 'utf8')) as Shard;
    assert.equal(shard.places.find((p) => p.n === 'Autre lieu')!.hu, 1);
    assert.equal(result.hours.unreadable, 1);
  });

  test('two records of the same place within 50 m are merged', () => {
    const dir = fixtureDir([valid, { ...valid, id: 'x-9', latitude: 45.7672, telephone: '+33478000000', services: 'Aide aux démarches administratives' }]);
    const result = buildLocatorData({ dataDir: dir, outDir: join(dir, 'out'), phoneLineFile, log: () => {} });
    assert.equal(result.kept, 1);
    assert.equal(result.mergedHere, 1);
    const place = (JSON.parse(readFileSync(join(dir, 'out', 'dep-69.json'), 'utf8')) as Shard).places[0]!;
    assert.equal(place.t, '+33478000000');
  });

  test('deterministic: the same input gives the same bytes', () => {
    const dir = fixtureDir([valid, { ...valid, id: 'x-7', nom: 'B', latitude: 45.8 }]);
    buildLocatorData({ dataDir: dir, outDir: join(dir, 'a'), phoneLineFile, log: () => {} });
    buildLocatorData({ dataDir: dir, outDir: join(dir, 'b'), phoneLineFile, log: () => {} });
    for (const file of ['index.json', 'dep-69.json', 'communes/index.json', 'postcodes/690.json']) {
      assert.equal(readFileSync(join(dir, 'a', file), 'utf8'), readFileSync(join(dir, 'b', file), 'utf8'), file);
    }
  });
});
