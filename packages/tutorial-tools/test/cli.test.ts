// The compiled CLI, as an editor runs it: French everywhere, the right exit codes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/aide-tutorials.mjs', import.meta.url));
const corpus = fileURLToPath(new URL('../../../tutorials', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const ENGLISH = /\b(Unknown|argument missing|Error:|Usage:|expected|must|at line)\b|Option '/;

describe('CLI in French', () => {
  test('--help of the tool and of each command', () => {
    const all = run('--help');
    assert.equal(all.status, 0);
    assert.match(all.stdout, /Utilisation : pnpm tutorials <commande>/);
    for (const command of ['new', 'lint', 'build', 'preview', 'import']) {
      const help = run(command, '--help');
      assert.equal(help.status, 0, command);
      assert.match(help.stdout, /Utilisation : pnpm tutorials/);
      assert.doesNotMatch(help.stdout + help.stderr, ENGLISH);
    }
  });
  test('unknown command, unknown option, missing value: French, exit 1', () => {
    for (const [args, said] of [
      [['publier'], /Commande inconnue : « publier »/],
      [['build', '--nope'], /Option inconnue pour « build » : --nope/],
      [['preview', '--port'], /L’option --port attend une valeur/],
      [['lint', 'absent.md'], /Fichier introuvable : .*absent\.md/],
    ] as [string[], RegExp][]) {
      const r = run(...args);
      assert.equal(r.status, 1, args.join(' '));
      assert.match(r.stderr, said);
      assert.match(r.stderr, /→/);
      assert.doesNotMatch(r.stderr, ENGLISH);
    }
  });
  test('build: a faulty tutorial is left out, named, exit 1; --strict publishes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aide-cli-'));
    cpSync(corpus, join(dir, 'tutorials'), { recursive: true });
    writeFileSync(join(dir, 'tutorials/casse.md'), '---\ntitle: Cassé\n---\n\n## Ouvrir\n\n<script>alert(1)</script>\n');
    const args = ['build', '--source', join(dir, 'tutorials'), '--out', join(dir, 'out'), '--cache', join(dir, 'cache')];
    const strict = run(...args, '--strict');
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /Publication arrêtée \(--strict\)/);
    const normal = run(...args);
    assert.equal(normal.status, 1);
    assert.match(normal.stdout, /Tutoriels publiés : \d+/);
    assert.match(normal.stderr, /Laissés de côté \(non publiés\) : 1 tutoriel\(s\) avec des erreurs : casse\./);
    assert.match(normal.stderr, /casse\.md:\d+:\d+ {2}erreur/);
  });
  test('lint --watch: a save made as soon as « Surveillance » is shown is checked again, with its new error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aide-cli-'));
    cpSync(corpus, join(dir, 'tutorials'), { recursive: true });
    const file = join(dir, 'tutorials/creer-adresse-email.md');
    const child = spawn(process.execPath, [bin, 'lint', '--watch', '--source', join(dir, 'tutorials'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const until = async (test: () => boolean, what: string) => {
      const deadline = Date.now() + 60_000;
      while (!test()) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${what} : pas vu.\n${out}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    try {
      await until(() => out.includes('Surveillance'), 'Surveillance');
      writeFileSync(file, '---\ntitle: Essai\nsummary: [non fermé\n---\n\n## Ouvrir le site\n\nTexte.\n');
      await until(() => (out.match(/— \d\d:\d\d:\d\d —/g) ?? []).length >= 2, 'la deuxième vérification');
      assert.match(out.split(/— \d\d:\d\d:\d\d —/).at(-1)!, /creer-adresse-email\.md:\d+:\d+ {2}erreur/);
    } finally {
      child.kill();
    }
  });
  test('lint of one file: its messages at file:line:column with a fix line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aide-cli-'));
    const file = join(dir, 'essai.md');
    writeFileSync(file, '---\ntitle: Essai\nsummary: [non fermé\n---\n\n## Ouvrir le site\n\nTexte.\n');
    const r = run('lint', file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /essai\.md:3:1 {2}erreur {2}En-tête : un caractère fermant manque/);
    assert.match(r.stdout, /\n {4}→ Fermez le guillemet ou le crochet/);
  });
});
