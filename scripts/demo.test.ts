/**
 * The README's first command, as written: `npm run demo` installs, builds and serves the demo, prints its address,
 * and the page, the widget, the statement and the collector answer there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../packages/collector/test/postgres.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

test('npm run demo serves the demo page, aide.js and the collector, and prints the address', { timeout: 600_000 }, async () => {
  const port = await freePort();
  // Its own process group, so that the server it execs is stopped with it.
  const demo = spawn('npm', ['run', 'demo'], { cwd: root, env: { ...process.env, PORT: String(port), AIDE_COLLECTOR_DB: ':memory:' }, detached: true });
  let output = '';
  demo.stdout.on('data', (chunk) => (output += chunk));
  demo.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 220_000;
    let up = false;
    while (!up && Date.now() < deadline) {
      if (demo.exitCode !== null) assert.fail(`npm run demo stopped (code ${demo.exitCode}):\n${output.slice(-2000)}`);
      up = await fetch(`${base}/`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(up, `the demo did not answer on ${base}:\n${output.slice(-2000)}`);
    assert.match(output, new RegExp(`http://127\\.0\\.0\\.1:${port}/`), 'the address is printed');
    const page = await (await fetch(`${base}/`)).text();
    assert.match(page, /<script[^>]+src="\/aide\/aide\.js"/);
    for (const path of ['/aide/aide.js', '/aide/tutorials/index.json', '/aide/places/index.json', '/aide/accessibilite.html', '/csp.html']) {
      assert.equal((await fetch(`${base}${path}`)).status, 200, path);
    }
    assert.equal((await (await fetch(`${base}/health`)).json()).status, 'ok');
    // /experiences.html has published stories to show (scripts/demo-stories.ts).
    const experiences = (await (await fetch(`${base}/api/v1/experiences?procedure=demande-logement`)).json()) as { total: number; items: unknown[] };
    assert.equal(experiences.total, 24);
    assert.equal(experiences.items.length, 20);
  } finally {
    try {
      process.kill(-demo.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  }
});
