import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONFIG_OPTIONS } from '../src/config.ts';

test('the README documents every configuration option (data-*, attribute and AideConfig key)', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  for (const { attr, key } of CONFIG_OPTIONS) {
    assert.ok(readme.includes(`\`data-${attr}\` / \`${attr}\``), `README: row for data-${attr}`);
    assert.ok(readme.includes(`| \`${key}\` |`), `README: window.AideConfig.${key}`);
  }
});
