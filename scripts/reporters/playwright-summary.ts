import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Read by `scripts/rgaa.ts check --results`: the tests the audit grid names must have passed in this run. */
export const OUTCOMES_FILE = join(root, 'test-results/e2e-outcomes.json');

/**
 * Prints one plain "e2e: N passed, N failed" line at the end, for the CI total (skipped tests count as failed),
 * and writes every test's outcome to test-results/e2e-outcomes.json.
 */
export default class SummaryLineReporter implements Reporter {
  private root?: Suite;

  onBegin(_config: unknown, suite: Suite) {
    this.root = suite;
  }

  onEnd(result: FullResult) {
    let passed = 0;
    let failed = 0;
    const outcomes: { file: string; title: string; passed: boolean }[] = [];
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected') passed++;
      else failed++;
      outcomes.push({ file: relative(root, test.location.file), title: test.titlePath().slice(3).join(' › '), passed: outcome === 'expected' });
    }
    mkdirSync(dirname(OUTCOMES_FILE), { recursive: true });
    writeFileSync(OUTCOMES_FILE, JSON.stringify(outcomes, null, 1));
    // A run that failed outside any test (server did not start) still counts as a failure.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    console.log(`e2e: ${passed} passed, ${failed} failed`);
  }

  printsToStdio() {
    return false;
  }
}
