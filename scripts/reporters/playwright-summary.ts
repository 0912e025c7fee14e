import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

/** Prints one plain "e2e: N passed, N failed" line at the end, for the CI total. Skipped tests count as failed. */
export default class SummaryLineReporter implements Reporter {
  private root?: Suite;

  onBegin(_config: unknown, suite: Suite) {
    this.root = suite;
  }

  onEnd(result: FullResult) {
    let passed = 0;
    let failed = 0;
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected') passed++;
      else failed++;
    }
    // A run that failed outside any test (server did not start) still counts as a failure.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    console.log(`e2e: ${passed} passed, ${failed} failed`);
  }

  printsToStdio() {
    return false;
  }
}
