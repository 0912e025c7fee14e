/**
 * Builds the locator's embedded data from the open data in ../shared/data:
 *   places/index.json              vocabularies, one entry per département shard (bbox, count, size), attribution
 *   places/dep-<code>.json         the places of a département, with their weekly schedules
 *   places/communes/index.json     which geocoding shards exist
 *   places/postcodes/<prefix>.json postal code → communes
 *   places/communes/<prefix>.json  folded commune names → communes
 *   places/ligne-solidarite-numerique.json   the national phone line (hand-edited file, copied as is)
 * Every record is validated against the national schema (Table Schema → JSON Schema → ajv); the report says how
 * many were kept, merged and dropped, and why. Deterministic: the same input gives the same bytes.
 * Usage: node --import tsx scripts/build-locator-data.ts [--out dist/aide/places] [--data ../shared/data]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fold } from '@aide/core';
import { validateRecords, schemaVocabularies, type TableField } from './locator-data/validate.ts';
import { buildGeocoding } from './locator-data/geocoding.ts';
import { parseOsmHours, toPlaceRecord, type StandardRecord, VOCABULARIES, haversineKm, hasFlag, FRANCE_SERVICES_LABEL, checkPhoneLineConfig, type Attribution, type PlaceRecord, type PlacesIndex, type Shard, type ShardInfo, type WeeklySchedule } from '@aide/locator/engine';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface SharedRecord extends StandardRecord {
  pivot?: string;
  code_insee?: string;
  _precision_geo?: string;
  _sources: string[];
  [key: string]: unknown;
}

export interface BuildReport {
  read: number;
  kept: number;
  mergedUpstream: number;
  mergedHere: number;
  dropped: Map<string, number>;
  hours: { regular: number; closedOnHolidays: number; unreadable: number; irregular: number; none: number };
  shards: number;
  bytes: { raw: number; gzip: number };
}

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  phoneLineFile: string;
  log?: (line: string) => void;
}

const stable = (value: unknown) => JSON.stringify(value);

function write(outDir: string, file: string, content: string): { raw: number; gzip: number } {
  const path = join(outDir, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  // Pre-compressed copy: the demo server (and any static host) sends it to browsers that accept gzip.
  const gzip = gzipSync(content, { level: 9 });
  writeFileSync(`${path}.gz`, gzip);
  return { raw: Buffer.byteLength(content), gzip: gzip.length };
}

/**
 * The département's France services alone, for the procedures of their partners: France services within 30 km come
 * first, and the départements around that are farther than the ten nearest places need only them (a tenth of a
 * shard), not every place. Each keeps its position in the full shard, so that it is the same place for the widget.
 */
function writeFranceServices(outDir: string, report: BuildReport, shard: Shard): Pick<ShardInfo, 'franceServices'> {
  const positions = shard.places.flatMap((place, i) => (hasFlag(VOCABULARIES.labels, place.l, FRANCE_SERVICES_LABEL) ? [i] : []));
  if (positions.length === 0) return {};
  const schedules: WeeklySchedule[] = [];
  const places = positions.map((i) => {
    const place = { ...shard.places[i]! };
    if (place.h !== undefined) {
      const schedule = shard.schedules[place.h]!;
      let index = schedules.indexOf(schedule);
      if (index < 0) index = schedules.push(schedule) - 1;
      place.h = index;
    }
    return place;
  });
  const file = `fs-${shard.code}.json`;
  const size = write(outDir, file, stable({ v: 1, code: shard.code, schedules, places, positions }));
  report.bytes.raw += size.raw;
  report.bytes.gzip += size.gzip;
  return { franceServices: { file, count: positions.length, gzipBytes: size.gzip } };
}

/** Two records of the same place left after the upstream deduplication: same name, within 50 m. */
function mergeResidualDuplicates(places: { place: PlaceRecord; schedule: WeeklySchedule | null }[]) {
  const byName = new Map<string, { place: PlaceRecord; schedule: WeeklySchedule | null }[]>();
  const kept: typeof places = [];
  let merged = 0;
  for (const entry of places) {
    const key = `${fold(entry.place.n)}|${entry.place.z}`;
    const same = byName.get(key)?.find((other) => haversineKm({ lat: other.place.y, lon: other.place.x }, { lat: entry.place.y, lon: entry.place.x }) <= 0.05);
    if (same) {
      merged++;
      const target = same.place as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(entry.place)) {
        if (typeof v === 'number' && ['s', 'pu', 'ps', 'f', 'k', 'ma', 'l'].includes(k)) target[k] = ((target[k] as number | undefined) ?? 0) | v;
        else if (target[k] === undefined) target[k] = v;
      }
      same.schedule ??= entry.schedule;
      continue;
    }
    byName.set(key, [...(byName.get(key) ?? []), entry]);
    kept.push(entry);
  }
  return { kept, merged };
}

export function buildLocatorData(options: BuildOptions): BuildReport {
  const log = options.log ?? ((line: string) => console.log(line));
  const data = JSON.parse(readFileSync(join(options.dataDir, 'lieux-mediation-numerique.json'), 'utf8')) as { lieux: SharedRecord[] };
  const schema = JSON.parse(readFileSync(join(options.dataDir, 'schema-lieux-mediation-numerique.json'), 'utf8')) as { fields: TableField[] };
  const communesFile = JSON.parse(readFileSync(join(options.dataDir, 'communes.json'), 'utf8')) as { fields: string[]; rows: unknown[][] };
  const departements = JSON.parse(readFileSync(join(options.dataDir, 'departements.json'), 'utf8')) as { code: string; nom: string }[];
  const phoneLine: unknown = JSON.parse(readFileSync(options.phoneLineFile, 'utf8'));

  // The widget's vocabularies must be the standard's, in the standard's order (bitmask positions).
  const fromSchema = schemaVocabularies(schema);
  for (const [key, values] of Object.entries(fromSchema)) {
    const ours = VOCABULARIES[key as Exclude<keyof typeof VOCABULARIES, 'plainFr'>].filter((v) => v !== 'Pass numérique');
    if (stable(ours) !== stable(values)) throw new Error(`Le vocabulaire « ${key} » du schéma a changé : ${stable(values)}`);
  }
  // Plain words for a value that no longer exists would never be shown: said rather than kept unnoticed.
  const { plainFr, ...lists } = VOCABULARIES;
  const stale = Object.keys(plainFr).filter((value) => !Object.values(lists).some((list) => list.includes(value)));
  if (stale.length) throw new Error(`Mots simples pour des valeurs absentes des vocabulaires : ${stale.join(', ')}`);
  const phoneProblems = checkPhoneLineConfig(phoneLine);
  if (phoneProblems.length) throw new Error(`${options.phoneLineFile} : ${phoneProblems.join(' ; ')}`);

  const report: BuildReport = {
    read: data.lieux.length,
    kept: 0,
    mergedUpstream: 0,
    mergedHere: 0,
    dropped: new Map(),
    hours: { regular: 0, closedOnHolidays: 0, unreadable: 0, irregular: 0, none: 0 },
    shards: 0,
    bytes: { raw: 0, gzip: 0 },
  };
  const drop = (reason: string) => report.dropped.set(reason, (report.dropped.get(reason) ?? 0) + 1);

  const idx = Object.fromEntries(communesFile.fields.map((f, i) => [f, i]));
  const depOfInsee = new Map(communesFile.rows.map((r) => [r[idx.code!] as string, r[idx.departement!] as string]));

  const validation = validateRecords(schema, data.lieux);
  const converted: { place: PlaceRecord; schedule: WeeklySchedule | null; dep: string }[] = [];
  for (const [i, record] of data.lieux.entries()) {
    const problem = validation[i];
    if (problem) {
      drop(`non conforme au schéma (${problem})`);
      continue;
    }
    if ((record.modalites_acces ?? '').includes("Ce lieu n'accueille pas de public")) {
      drop("n'accueille pas de public");
      continue;
    }
    const dep = (record.code_insee && depOfInsee.get(record.code_insee)) || null;
    if (!dep) {
      drop('commune inconnue (code INSEE absent du COG)');
      continue;
    }
    const hours = record.horaires ? parseOsmHours(record.horaires) : null;
    const result = toPlaceRecord(record, VOCABULARIES, hours);
    if (!result) {
      drop('sans coordonnées');
      continue;
    }
    if (record._precision_geo === 'commune') result.place.ap = 1;
    if (!record.horaires) report.hours.none++;
    else if (hours?.schedule) {
      report.hours.regular++;
      if (hours.closedOnPublicHolidays) report.hours.closedOnHolidays++;
    } else if (hours?.problem === 'irregular') report.hours.irregular++;
    else report.hours.unreadable++;
    if (record._sources.length > 1) report.mergedUpstream += record._sources.length - 1;
    converted.push({ ...result, dep });
  }

  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });

  const byDep = new Map<string, typeof converted>();
  for (const entry of converted) byDep.set(entry.dep, [...(byDep.get(entry.dep) ?? []), entry]);
  const depName = new Map(departements.map((d) => [d.code, d.nom]));
  const shards: ShardInfo[] = [];
  for (const dep of [...byDep.keys()].sort()) {
    const { kept, merged } = mergeResidualDuplicates(byDep.get(dep)!.sort((a, b) => a.place.id.localeCompare(b.place.id)));
    report.mergedHere += merged;
    report.kept += kept.length;
    // Places share a few dozen distinct weekly schedules: store each once per shard.
    const schedules: WeeklySchedule[] = [];
    const scheduleIndex = new Map<string, number>();
    const places = kept.map(({ place, schedule }) => {
      if (schedule) {
        const key = stable(schedule);
        if (!scheduleIndex.has(key)) {
          scheduleIndex.set(key, schedules.length);
          schedules.push(schedule);
        }
        place.h = scheduleIndex.get(key)!;
      }
      return place;
    });
    // Identifiers are not shipped: the engine numbers places when it loads a shard.
    const shard = { v: 1, code: dep, schedules, places: places.map(({ id: _id, ...rest }) => rest) } as unknown as Shard;
    const file = `dep-${dep}.json`;
    const size = write(options.outDir, file, stable(shard));
    report.bytes.raw += size.raw;
    report.bytes.gzip += size.gzip;
    const lats = places.map((p) => p.y);
    const lons = places.map((p) => p.x);
    shards.push({
      code: dep,
      name: depName.get(dep) ?? dep,
      bbox: [Math.min(...lats), Math.min(...lons), Math.max(...lats), Math.max(...lons)],
      count: places.length,
      file,
      gzipBytes: size.gzip,
      ...writeFranceServices(options.outDir, report, shard),
    });
  }
  report.shards = shards.length;

  const geocoding = buildGeocoding(communesFile);
  for (const [file, content] of geocoding.files) {
    const size = write(options.outDir, file, content);
    report.bytes.raw += size.raw;
    report.bytes.gzip += size.gzip;
  }
  write(options.outDir, 'ligne-solidarite-numerique.json', readFileSync(options.phoneLineFile, 'utf8'));

  const dataDate = data.lieux.reduce((max, r) => (r.date_maj > max ? r.date_maj : max), '');
  const attribution: Attribution = {
    title: 'Lieux de médiation numérique, France services, conseillers numériques, Aidants Connect',
    sources: [
      { name: 'Liste des France services (Agence nationale de la cohésion des territoires)', licence: 'Licence Ouverte 2.0', date: '2024-08-01', url: 'https://www.data.gouv.fr/fr/datasets/liste-des-structures-france-services/' },
      { name: 'Lieux où travaillent les conseillers numériques (cartographie nationale de l’Agence nationale de la cohésion des territoires)', licence: 'Licence Ouverte 2.0', date: '2022-12' },
      { name: 'Structures habilitées Aidants Connect', licence: 'Licence Ouverte 2.0', date: '2021-03' },
      { name: 'Lieux recensés par la plateforme publique data inclusion et par des cartographies régionales (Hub du Sud, Charente, Nouvelle-Calédonie)', licence: 'Licence Ouverte 2.0', date: '2023' },
      { name: 'Standard national « Lieux de médiation numérique », version 1.0.2 (La MedNum)', licence: 'Licence Ouverte 2.0', date: '2024-04-11' },
      { name: 'Communes et codes postaux (code officiel géographique 2026 de l’Insee, codes postaux de La Poste, position des communes : API Géo de l’État)', licence: 'Licence Ouverte 2.0', date: '2026' },
    ],
    notice: 'Certaines informations datent de 2021 ou 2022 : appelez le lieu avant de vous déplacer.',
  };
  const index: PlacesIndex = {
    v: 1,
    version: createHash('sha256').update(stable(shards)).update(geocoding.version).digest('hex').slice(0, 12),
    dataDate,
    count: report.kept,
    vocabularies: VOCABULARIES,
    shards,
    attribution,
    files: { phoneLine: 'ligne-solidarite-numerique.json', communesIndex: 'communes/index.json' },
  };
  write(options.outDir, 'index.json', stable(index));

  const dropped = [...report.dropped.entries()].sort((a, b) => b[1] - a[1]);
  log(`\nDonnées du localisateur → ${options.outDir}`);
  log(`  lus                                  ${report.read}`);
  log(`  gardés                               ${report.kept}`);
  log(`  fusionnés en amont (même lieu, plusieurs sources) ${report.mergedUpstream}`);
  log(`  fusionnés ici (même nom à moins de 50 m)          ${report.mergedHere}`);
  log(`  écartés                              ${[...report.dropped.values()].reduce((a, b) => a + b, 0)}`);
  for (const [reason, count] of dropped) log(`    ${String(count).padStart(5)}  ${reason}`);
  log(`  horaires : ${report.hours.regular} lus (dont ${report.hours.closedOnHolidays} fermés les jours fériés), ` +
      `${report.hours.irregular} variables selon la semaine ou la date, ${report.hours.unreadable} illisibles, ` +
      `${report.hours.none} absents → « se renseigner » pour les trois derniers`);
  log(`  ${report.shards} départements ; ${geocoding.communes} communes géocodables ; ${(report.bytes.gzip / 1024).toFixed(0)} Ko gzip au total`);
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist/aide/places' },
      data: { type: 'string', default: process.env.AIDE_SHARED_DATA ?? join(root, '../shared/data') },
    },
  });
  const dataDir = resolve(root, values.data);
  if (!existsSync(join(dataDir, 'lieux-mediation-numerique.json'))) {
    console.error(`Données introuvables dans ${dataDir} : placez ../shared/data à côté du dépôt ou indiquez --data.`);
    process.exit(1);
  }
  try {
    buildLocatorData({
      dataDir,
      outDir: resolve(root, values.out),
      phoneLineFile: join(root, 'packages/locator/config/ligne-solidarite-numerique.json'),
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
