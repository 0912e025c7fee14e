/** web-test-runner reporter: one plain "<label>: N passed, N failed" line at the end, for the CI total. */
export function summaryLineReporter(label) {
  const count = (suite, c) => {
    if (!suite) return c;
    for (const t of suite.tests ?? []) {
      if (t.skipped) c.skipped++;
      else if (t.passed) c.passed++;
      else c.failed++;
    }
    for (const s of suite.suites ?? []) count(s, c);
    return c;
  };
  return {
    onTestRunFinished({ sessions }) {
      const c = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, c);
        // A file that failed to load has no results but must still count as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) c.failed++;
      }
      // Skipped tests count as failures: a skipped check is a defect here.
      console.log(`${label}: ${c.passed} passed, ${c.failed + c.skipped} failed`);
    },
  };
}
