/** The build's precompressed copies: written beside every text asset, smaller, identical once decompressed, kept when current. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from './precompress.ts';

test('writes .br and .gz beside every text asset, smaller and faithful; skips images, tiny files and current copies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aide-precompress-'));
  try {
    mkdirSync(join(dir, 'chunks'));
    const script = 'export const texte = "Besoin d’aide ?";\n'.repeat(200);
    writeFileSync(join(dir, 'chunks/panel-abc.js'), script);
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ tutorials: Array.from({ length: 50 }, (_, i) => ({ slug: `t${i}`, title: 'Déclarer ses revenus' })) }));
    writeFileSync(join(dir, 'tiny.json'), '{}');
    writeFileSync(join(dir, 'image.png'), Buffer.alloc(4000));
    const first = precompress(dir);
    assert.equal(first.files, 2);
    assert.equal(first.written, 4);
    for (const file of ['chunks/panel-abc.js', 'index.json']) {
      const original = readFileSync(join(dir, file));
      const br = readFileSync(join(dir, `${file}.br`));
      const gz = readFileSync(join(dir, `${file}.gz`));
      assert.ok(br.length < original.length && gz.length < original.length, file);
      assert.deepEqual(brotliDecompressSync(br), original);
      assert.deepEqual(gunzipSync(gz), original);
    }
    assert.equal(existsSync(join(dir, 'tiny.json.br')), false);
    assert.equal(existsSync(join(dir, 'image.png.br')), false);
    // Nothing changed: nothing rewritten. A file rebuilt: its copies follow it.
    assert.equal(precompress(dir).written, 0);
    const changed = 'export const autre = 1;\n'.repeat(100);
    writeFileSync(join(dir, 'chunks/panel-abc.js'), changed);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'chunks/panel-abc.js'), later, later);
    assert.equal(precompress(dir).written, 2);
    assert.equal(brotliDecompressSync(readFileSync(join(dir, 'chunks/panel-abc.js.br'))).toString(), changed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
