/**
 * Every pattern of the library is safe on hostile input and parses in old browsers:
 * - every repetition is bounded, so one match attempt costs a constant, whatever the input (parsed, not guessed);
 * - read as if those bounds were infinite, no pattern backtracks super-linearly (scslre finds no « trade », no
 *   « self », nothing exponential: only « move », the scan from each position, which the bounds make linear);
 * - no lookbehind and no `v`/`d` flag: Safari before 16.4 (old iPhones the widget supports) cannot parse them.
 * The timing side is measured by scripts/bench-masking.ts, not asserted here.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import * as patterns from '../src/patterns.ts';

const all: [string, RegExp][] = [];
for (const [name, value] of Object.entries(patterns)) {
  if (value instanceof RegExp) all.push([name, value]);
  else for (const [key, pattern] of Object.entries(value as Record<string, RegExp>)) all.push([`${name}.${key}`, pattern]);
}

const parser = new RegExpParser({ ecmaVersion: 2022 });
/** The same pattern with every range {n,m} read as {n,}: what it would be without its bounds. */
const unbounded = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source.replace(/\{(\d+),(\d+)\}/g, (range, min: string, max: string) => (Number(max) >= 4 ? `{${min},}` : range)), pattern.flags.replace('y', ''));

describe('patterns are safe on hostile input', () => {
  test('the library has patterns to check', () => assert.ok(all.length > 40, `${all.length} patterns`));

  for (const [name, pattern] of all) {
    test(`${name}: every repetition is bounded`, () => {
      const ast = parser.parseLiteral(`/${pattern.source}/${pattern.flags}`);
      const unboundedQuantifiers: string[] = [];
      visitRegExpAST(ast, {
        onQuantifierEnter(node) {
          if (node.max === Infinity) unboundedQuantifiers.push(node.raw);
        },
      });
      assert.deepEqual(unboundedQuantifiers, []);
    });

    test(`${name}: no super-linear backtracking, even unbounded`, () => {
      const reports = analyse(unbounded(pattern), { maxReports: 5 }).reports.filter((r) => r.type !== 'Move' || r.exponential);
      assert.deepEqual(
        reports.map((r) => `${r.type}${r.exponential ? ' (exponential)' : ''} on ${JSON.stringify(r.character.literal.source)}`),
        [],
      );
    });

    test(`${name}: parses in Safari 14`, () => {
      const ast = parser.parseLiteral(`/${pattern.source}/${pattern.flags}`);
      let lookbehind = false;
      visitRegExpAST(ast, {
        onAssertionEnter(node) {
          if (node.kind === 'lookbehind') lookbehind = true;
        },
      });
      assert.equal(lookbehind, false, 'lookbehind');
      assert.doesNotMatch(pattern.flags, /[vd]/);
    });
  }
});

describe('the checks above catch what they are for', () => {
  test('an unbounded repetition is seen', () => {
    const ast = parser.parseLiteral('/a\\d+b/');
    let unboundedSeen = false;
    visitRegExpAST(ast, { onQuantifierEnter: (node) => (unboundedSeen ||= node.max === Infinity) });
    assert.ok(unboundedSeen);
  });
  test('nested bounded repetitions that trade characters are reported once unbounded', () => {
    const reports = analyse(unbounded(/(?:\d{1,40}){1,40}x/), { maxReports: 5 }).reports;
    assert.ok(reports.some((r) => r.type !== 'Move'));
  });
  test('a lookbehind is seen', () => {
    let seen = false;
    visitRegExpAST(parser.parseLiteral('/(?<![a-z])x/u'), { onAssertionEnter: (node) => (seen ||= node.kind === 'lookbehind') });
    assert.ok(seen);
  });
});
