import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';
import { repoPath, writeOutcomes, type Outcome } from './outcomes.mjs';

/** Annotation type with which test/a11y/harness.ts records each check it ran: "<check id> passed|failed". */
export const HARNESS_ANNOTATION = 'aide-harness';

/**
 * Prints one plain "e2e: N passed, N failed" line at the end, for the CI total (skipped tests count as failed),
 * and writes every test's outcome, and how often each harness check passed or failed, to
 * test-results/e2e-outcomes.json (read by the RGAA grid check).
 */
export default class SummaryLineReporter implements Reporter {
  private root?: Suite;

  onBegin(_config: unknown, suite: Suite) {
    this.root = suite;
  }

  onEnd(result: FullResult) {
    let passed = 0;
    let failed = 0;
    const outcomes: Outcome[] = [];
    const checks: Record<string, { passed: number; failed: number }> = {};
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected') passed++;
      else failed++;
      outcomes.push({ file: repoPath(test.location.file), title: test.titlePath().slice(3).join(' › '), passed: outcome === 'expected' });
      for (const run of test.results) {
        for (const annotation of run.annotations ?? []) {
          if (annotation.type !== HARNESS_ANNOTATION || !annotation.description) continue;
          const [id, verdict] = annotation.description.split(' ');
          const count = (checks[id!] ??= { passed: 0, failed: 0 });
          if (verdict === 'passed') count.passed++;
          else count.failed++;
        }
      }
    }
    writeOutcomes('e2e', outcomes, { checks });
    // A run that failed outside any test (server did not start) still counts as a failure.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    console.log(`e2e: ${passed} passed, ${failed} failed`);
  }

  printsToStdio() {
    return false;
  }
}
