/**
 * node:test reporter: one plain "node: N passed, N failed" line at the end, for the CI total, and every test's
 * outcome in test-results/node-outcomes.json (read by the RGAA grid check).
 */
import { repoPath, writeOutcomes } from './outcomes.mjs';

export default async function* nodeSummary(source) {
  let passed = 0;
  let failed = 0;
  const outcomes = [];
  // Names of the suites around the test that runs, by nesting level, per file.
  const stacks = new Map();
  const path = (data) => {
    const stack = stacks.get(data.file) ?? [];
    return [...stack.slice(0, data.nesting), data.name].join(' › ');
  };
  for await (const event of source) {
    if (event.type === 'test:start') {
      const stack = stacks.get(event.data.file) ?? [];
      stack.length = event.data.nesting;
      stack[event.data.nesting] = event.data.name;
      stacks.set(event.data.file, stack);
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // Only leaf tests count; suites report their own pass/fail too.
    if (event.data.details?.type === 'suite') continue;
    const ok = event.type === 'test:pass' && !event.data.skip && !event.data.todo;
    if (ok) passed++;
    else failed++;
    if (event.data.file) outcomes.push({ file: repoPath(event.data.file), title: path(event.data), passed: ok });
  }
  writeOutcomes('node', outcomes);
  yield `node: ${passed} passed, ${failed} failed\n`;
}
