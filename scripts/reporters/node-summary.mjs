/** node:test reporter: one plain "node: N passed, N failed" line at the end, for the CI total. */
export default async function* nodeSummary(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    // Only leaf tests count; suites report their own pass/fail too.
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') {
      if (event.data.skip || event.data.todo) failed++;
      else passed++;
    }
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') failed++;
  }
  yield `node: ${passed} passed, ${failed} failed\n`;
}
