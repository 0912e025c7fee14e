/**
 * The offline geocoder's index, from communes.json (COG 2026 with postal codes and centres):
 * postal-code shards by département part, commune-name shards by the first letters of the folded name.
 */
import { createHash } from 'node:crypto';
import { keyWithoutArticle, nameKey, postcodeShardId, shardFileId, type CommuneEntry, type CommunesIndex, type NameShard, type PostcodeShard } from '@aide/locator/engine';

interface CommuneRow {
  code: string;
  nom: string;
  type: 'COM' | 'ARM' | 'COMD' | 'COMA';
  codesPostaux: string[];
  departement: string;
  lat: number | null;
  lon: number | null;
  population: number | null;
  parent: string | null;
}

/** At most this many names in a complete name shard (about 5 KB gzip). */
const MAX_SHARD = 300;
/** How many of its biggest communes a split prefix keeps, for someone who has typed only that much. */
const TOP_OF_SPLIT = 30;

export function buildGeocoding(file: { fields: string[]; rows: unknown[][] }) {
  const rows: CommuneRow[] = file.rows.map((r) => Object.fromEntries(file.fields.map((f, i) => [f, r[i]])) as unknown as CommuneRow);
  const entry = (c: CommuneRow, population = c.population ?? 0): CommuneEntry => [c.nom, c.departement, c.code, c.lat, c.lon, population];

  // Postal codes: communes and arrondissements; a city with arrondissements answers its codes with them.
  const cityWithArrondissements = new Set(rows.filter((c) => c.type === 'ARM').map((c) => c.parent));
  const postcodes = new Map<string, PostcodeShard>();
  for (const c of rows) {
    if (c.type !== 'COM' && c.type !== 'ARM') continue;
    if (c.type === 'COM' && cityWithArrondissements.has(c.code)) continue;
    for (const code of c.codesPostaux) {
      const shard = postcodes.get(postcodeShardId(code)) ?? {};
      (shard[code] ??= []).push(entry(c));
      postcodes.set(postcodeShardId(code), shard);
    }
  }
  for (const shard of postcodes.values()) for (const list of Object.values(shard)) list.sort((a, b) => b[5] - a[5] || a[0].localeCompare(b[0], 'fr'));

  // Names: every commune, arrondissement and commune déléguée or associée (people use the old names), once per
  // (name, code); a commune déléguée with the same name as its commune adds nothing.
  const seen = new Set<string>();
  const named: { key: string; entry: CommuneEntry }[] = [];
  const typeRank = { COM: 0, ARM: 1, COMD: 2, COMA: 3 };
  for (const c of [...rows].sort((a, b) => typeRank[a.type] - typeRank[b.type] || a.code.localeCompare(b.code))) {
    const key = nameKey(c.nom);
    if (seen.has(`${key}|${c.code}`) || seen.has(`${key}|${c.parent}`)) continue;
    seen.add(`${key}|${c.code}`);
    named.push({ key, entry: entry(c) });
  }
  // Name shards: by the first two characters of the key, split one character further while a shard holds more
  // than MAX_SHARD entries. A split prefix keeps a small "top" shard (its biggest communes) for someone who has
  // typed only that much.
  const keyed: [string, CommuneEntry][] = [];
  for (const { key, entry: e } of named) {
    keyed.push([key, e]);
    const bare = keyWithoutArticle(key);
    if (bare) keyed.push([bare, e]);
  }
  const nameShards = new Map<string, { keys: [string, CommuneEntry][]; complete: boolean }>();
  const split = (prefix: string, group: [string, CommuneEntry][]) => {
    if (group.length <= MAX_SHARD || group.every(([k]) => k.length <= prefix.length)) {
      nameShards.set(prefix, { keys: group, complete: true });
      return;
    }
    const exact = group.filter(([k]) => k.length <= prefix.length);
    const top = [...group].sort((a, b) => b[1][5] - a[1][5]).slice(0, TOP_OF_SPLIT);
    nameShards.set(prefix, { keys: [...exact, ...top.filter((t) => !exact.includes(t))], complete: false });
    const children = new Map<string, [string, CommuneEntry][]>();
    for (const item of group) {
      if (item[0].length <= prefix.length) continue;
      const child = item[0].slice(0, prefix.length + 1);
      children.set(child, [...(children.get(child) ?? []), item]);
    }
    for (const [child, items] of children) split(child, items);
  };
  const roots = new Map<string, [string, CommuneEntry][]>();
  for (const item of keyed) {
    const root = item[0].slice(0, 2);
    roots.set(root, [...(roots.get(root) ?? []), item]);
  }
  for (const [root, items] of roots) split(root, items);

  const files = new Map<string, string>();
  for (const [prefix, shard] of [...postcodes.entries()].sort()) files.set(`postcodes/${prefix}.json`, JSON.stringify(shard));
  for (const [id, shard] of [...nameShards.entries()].sort()) {
    const communes: CommuneEntry[] = [];
    const position = new Map<string, number>();
    const keys: [string, number][] = shard.keys
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1][2].localeCompare(b[1][2])))
      .map(([key, e]) => {
        const id2 = e.join('|');
        if (!position.has(id2)) {
          position.set(id2, communes.length);
          communes.push(e);
        }
        return [key, position.get(id2)!];
      });
    files.set(`communes/${shardFileId(id)}.json`, JSON.stringify({ keys, communes } satisfies NameShard));
  }
  const index: CommunesIndex = { v: 1, nameShards: [...nameShards.keys()].sort(), postcodePrefixes: [...postcodes.keys()].sort() };
  files.set('communes/index.json', JSON.stringify(index));
  const version = createHash('sha256');
  for (const content of files.values()) version.update(content);
  return { files, communes: named.length, version: version.digest('hex') };
}
