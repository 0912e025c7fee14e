import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maskPersonalData } from '../src/index.ts';
import { allCases, expectedKinds, expectedText } from './corpus.ts';

describe('corpus', () => {
  for (const c of allCases) {
    test(c.about, () => {
      const result = maskPersonalData(c.text);
      assert.equal(result.text, expectedText(c.masked), `input: ${c.text}`);
      assert.deepEqual(result.found.map((f) => f.kind), expectedKinds(c.masked));
    });
  }
});
