/**
 * node:test reporter: every test's outcome in test-results/node-outcomes.json (read by the RGAA grid check). The
 * count line comes from scripts/run-node-tests.mjs (the spec reporter's figures). Written after each test, not at
 * the end: with --test-force-exit Node 20 may end the process before a reporter finishes; an outcome lost that way
 * makes the grid check fail (the test "did not run"), never pass.
 */
import { repoPath, writeOutcomes } from './outcomes.mjs';

export default async function* nodeOutcomes(source) {
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
    if (!event.data.file) continue;
    outcomes.push({ file: repoPath(event.data.file), title: path(event.data), passed: ok });
    writeOutcomes('node', outcomes);
  }
  yield '';
}
