/**
 * What the components' code never does, read in their sources: ask to drag (WCAG 2.5.7). Any new drag or
 * pointer-move handling must come with a single-pointer alternative and an update of the audit grid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

test('no feature asks to drag: no draggable element, no drag or pointer-move handler', () => {
  const widget = ['core', 'embed', 'walkthrough', 'locator', 'feedback'].flatMap((p) => sources(join(root, 'packages', p, 'src')));
  assert.ok(widget.length > 20, 'the components’ sources are read');
  const dragging = /draggable|\b(?:on)?drag(?:start|over|end|enter|leave)?\b|['"`](?:pointer|mouse|touch)move['"`]|on(?:pointer|mouse|touch)move/i;
  const found = widget.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => dragging.test(line) && !/^\s*(\/\/|\*)/.test(line))
      .map(({ line, i }) => `${relative(root, file)}:${i + 1}: ${line.trim()}`),
  );
  assert.deepEqual(found, []);
});
