import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONFIG_ATTRIBUTES } from '../src/config.ts';

test('the README documents every configuration option (data-*, attribute and AideConfig key)', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  for (const attr of CONFIG_ATTRIBUTES) {
    assert.ok(readme.includes(`\`data-${attr}\` / \`${attr}\``), `README: row for data-${attr}`);
    const key = attr.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    assert.ok(readme.includes(`| \`${key}\` |`), `README: window.AideConfig.${key}`);
  }
});
